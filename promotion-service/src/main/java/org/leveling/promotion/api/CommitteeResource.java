package org.leveling.promotion.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.committee.CommitteeRole;
import org.leveling.promotion.domain.committee.CommitteeService;

import io.quarkus.security.Authenticated;

@Path("/api/v1/cycles/{cycleId}/committees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Committees", description = "Review committees of a cycle, each over some of its org units, with one "
        + "chair and a quorum. hr-admin assigns them; every authenticated caller reads them.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown cycle or committee")
public class CommitteeResource {

    private static final String ID_MESSAGE = "must be an id";

    private final CommitteeService committees;

    public CommitteeResource(CommitteeService committees) {
        this.committees = committees;
    }

    @Schema(name = "CommitteeMember")
    record MemberRequest(
            @Schema(example = "E200") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @NotNull CommitteeRole role) {
    }

    @Schema(name = "CommitteeRequest")
    record AssignCommittee(
            @Schema(example = "Payments promotion committee") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Org units of the cycle this committee reviews; none may be another committee's.",
                    example = "[\"Product - Payments\"]") @NotNull @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 100) String> orgUnits,
            @Schema(description = "Eligible members who must vote before the chair may decide", example = "3")
            @NotNull @Min(1) @Max(50) Integer quorum,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull MemberRequest> members) {
    }

    @Schema(name = "Committee")
    record CommitteeView(String id, String cycleId, String name, List<String> orgUnits, int quorum,
            List<Committee.Member> members, Instant createdAt, String createdBy) {

        static CommitteeView of(Committee c) {
            return new CommitteeView(c.id(), c.cycleId(), c.name(), c.orgUnits(), c.quorum(), c.members(),
                    c.createdAt(), c.createdBy());
        }
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Assign a committee to org units of a cycle (hr-admin)",
            description = "Exactly one CHAIR; members must be known people; quorum ≤ members; org units must be in "
                    + "the cycle's scope and not reviewed by another committee of the cycle (409). A closed cycle is "
                    + "read-only (409). Publishes org.leveling.promotions.committee-assigned.v1.")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(schema = @Schema(implementation = CommitteeView.class)))
    @APIResponse(responseCode = "409", description = "Org unit already covered, or cycle closed")
    public Response assign(@PathParam("cycleId") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String cycleId,
            @Valid @NotNull AssignCommittee request) {
        Committee committee = committees.assign(cycleId, request.name().strip(), request.orgUnits(), request.quorum(),
                request.members().stream().map(m -> new Committee.Member(m.employeeId(), m.role())).toList());
        return Response.created(URI.create("/api/v1/committees/" + committee.id()))
                .entity(CommitteeView.of(committee)).build();
    }

    @GET
    @Operation(summary = "The committees of a cycle, in the order they were assigned")
    @APIResponse(responseCode = "200", description = "The cycle's committees")
    public List<CommitteeView> ofCycle(@PathParam("cycleId") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE)
            String cycleId) {
        return committees.ofCycle(cycleId).stream().map(CommitteeView::of).toList();
    }
}
