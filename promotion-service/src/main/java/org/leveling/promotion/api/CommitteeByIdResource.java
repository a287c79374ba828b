package org.leveling.promotion.api;

import java.util.List;

import jakarta.validation.Valid;
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
import org.leveling.common.security.CurrentUser;
import org.leveling.common.web.Ids;
import org.leveling.promotion.api.CommitteeResource.CommitteeView;
import org.leveling.promotion.domain.committee.CommitteeService;
import org.leveling.promotion.domain.nomination.CaseSeats;
import org.leveling.promotion.domain.nomination.Nomination;

import io.quarkus.security.Authenticated;

/**
 * A committee by its own id (committees are created under their cycle, see {@link CommitteeResource}),
 * and its members' recusals.
 */
@Path("/api/v1/committees")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Committees")
public class CommitteeByIdResource {

    private final CommitteeService committees;
    private final CaseSeats seats;
    private final CurrentUser currentUser;

    public CommitteeByIdResource(CommitteeService committees, CaseSeats seats, CurrentUser currentUser) {
        this.committees = committees;
        this.seats = seats;
        this.currentUser = currentUser;
    }

    @Schema(name = "RecusalRequest")
    record RecusalRequest(
            @NotNull @Pattern(regexp = Ids.UUID, message = "must be a nomination id") String nominationId,
            @Schema(description = "Why; kept in promotion-service, never published") @NotBlank @Size(max = 4000)
            String reason) {
    }

    @Schema(name = "Recusal")
    record RecusalView(String nominationId, String committeeId, String memberId,
            @Schema(description = "The case's eligible members after the recusal") List<String> eligibleMembers) {
    }

    @POST
    @Path("/{id}/recusals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a recusal from a case (a member of the committee, for themselves)",
            description = "The member is off the case at once: not eligible at submission, or taken off the eligible "
                    + "members of a submitted case. Publishes org.leveling.promotions.recusal-declared.v1 (without "
                    + "the reason); evidence-service then ends the member's access to the candidate's evidence. "
                    + "404 for anyone not on the committee; a second recusal from the same case is a 409.")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = RecusalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or not a case of this committee")
    @APIResponse(responseCode = "404", description = "Unknown committee, or the caller is not on it")
    @APIResponse(responseCode = "409", description = "Declared already, or the cycle is closed")
    public Response recuse(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a committee id")
            String id, @Valid @NotNull RecusalRequest request) {
        Nomination n = seats.recuse(id, request.nominationId(), request.reason().strip());
        return Response.status(201).entity(new RecusalView(n.id(), id, currentUser.caller().employeeId(),
                n.eligibleMembers())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A committee")
    @APIResponse(responseCode = "200", description = "The committee")
    @APIResponse(responseCode = "404", description = "Unknown committee")
    public CommitteeView get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a committee id")
            String id) {
        return CommitteeView.of(committees.get(id));
    }
}
