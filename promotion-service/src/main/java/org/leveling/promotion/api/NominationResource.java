package org.leveling.promotion.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Ids;
import org.leveling.common.web.IfMatch;
import org.leveling.common.web.Page;
import org.leveling.promotion.domain.nomination.CasePackets;
import org.leveling.promotion.domain.nomination.CaseSeats;
import org.leveling.promotion.domain.nomination.Nomination;
import org.leveling.promotion.domain.nomination.NominationService;
import org.leveling.promotion.domain.nomination.NominationStatus;
import org.leveling.promotion.domain.nomination.Outcome;

import io.quarkus.security.Authenticated;

@Path("/api/v1/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Nominations", description = "Cases: a candidate nominated for a target level in a cycle by their "
        + "management chain or hr-admin, submitted to the committee of the candidate's org unit, frozen with the "
        + "packet evidence-service assembles. Seen by hr-admin, the nominator, the candidate, the candidate's "
        + "management chain and the eligible committee members; everyone else gets 404.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown, or not yours to see")
public class NominationResource {

    private static final String ID_MESSAGE = "must be a nomination id";

    private final NominationService nominations;
    private final CaseSeats seats;
    private final CasePackets packets;

    public NominationResource(NominationService nominations, CaseSeats seats, CasePackets packets) {
        this.nominations = nominations;
        this.seats = seats;
        this.packets = packets;
    }

    @Schema(name = "NominationRequest")
    record CreateNomination(
            @NotNull @Pattern(regexp = Ids.UUID, message = "must be a cycle id") String cycleId,
            @Schema(example = "E300") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String candidateId,
            @Schema(description = "Level or sub-level code of the cycle framework's current version", example = "PPM")
            @NotBlank @Size(max = 32) String targetLevel,
            @Schema(description = "Why now; the committee reads it") @NotBlank @Size(max = 20000)
            String justification) {
    }

    @Schema(name = "NominationPatch", description = "Fields to replace in a draft; absent fields keep their value.")
    record PatchNomination(@Size(min = 1, max = 32) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String targetLevel,
            @Size(min = 1, max = 20000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String justification) {
    }

    @Schema(name = "Nomination")
    record NominationView(String id, String cycleId, String candidateId, String nominatorId, String frameworkKey,
            int frameworkVersion, String targetLevel, String justification, NominationStatus status,
            String committeeId,
            @Schema(description = "Committee members who may review the case: the committee minus everyone with a "
                    + "conflict of interest (the candidate, the nominator, the candidate's management chain, recused "
                    + "members, those who attested evidence in the packet). Set on submission; a member who becomes "
                    + "conflicted later is taken off for good (eligibility-changed).") List<String> eligibleMembers,
            long revision, Instant createdAt, Instant updatedAt, Instant submittedAt,
            @Schema(description = "The member designated by hr-admin to decide when the chair is conflicted")
            String actingChairId,
            @Schema(description = "The decision in force, once decided") String decisionId,
            @Schema(description = "Its outcome") Outcome outcome, Instant withdrawnAt) {

        static NominationView of(Nomination n) {
            return new NominationView(n.id(), n.cycleId(), n.candidateId(), n.nominatorId(), n.frameworkKey(),
                    n.frameworkVersion(), n.targetLevel(), n.justification(), n.status(), n.committeeId(),
                    n.eligibleMembers(), n.revision(), n.createdAt(), n.updatedAt(), n.submittedAt(),
                    n.actingChairId(), n.decisionId(), n.outcome(), n.withdrawnAt());
        }
    }

    @Schema(name = "ActingChairRequest")
    record ActingChairRequest(@Schema(example = "E110") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID,
            message = Ids.EMPLOYEE_ID_MESSAGE) String memberId) {
    }

    @GET
    @Operation(summary = "The cases I may see (a committee's queue, a manager's nominations)",
            description = "hr-admin sees every case; others the cases they nominated, are the candidate of, are "
                    + "an eligible member of, or whose candidate is in their reporting chain. Ordered by id; "
                    + "cursor paging.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    public Page<NominationView> list(
            @Parameter(description = "Only this cycle's cases") @QueryParam("cycleId")
            @Pattern(regexp = Ids.UUID, message = "must be a cycle id") String cycleId,
            @Parameter(description = "Only cases in this status") @QueryParam("status") NominationStatus status,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor,
            @Parameter(description = "At most, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100)
            int limit) {
        String after = cursor == null ? null : Cursors.decode(cursor);
        return Page.of(nominations.list(cycleId, status, after, limit + 1), limit, NominationView::of,
                last -> Cursors.encode(last.id()));
    }

    @POST
    @Operation(summary = "Nominate (the candidate's management chain or hr-admin; never oneself)",
            description = "A draft in a cycle that is PLANNED or NOMINATIONS_OPEN, pinned to the current version of "
                    + "the cycle's framework. The candidate must be in the cycle's org units and have a level in that "
                    + "framework; the target must be above it in its track, or equivalent to a level above it on the "
                    + "other track. At most one open nomination per candidate per cycle (409).")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "403", description = "Not in the candidate's management chain, nor hr-admin; or the "
            + "candidate oneself (whatever the roles)")
    @APIResponse(responseCode = "409", description = "The cycle takes no nominations, or one is open already")
    public Response create(@Valid @NotNull CreateNomination request) {
        Nomination n = nominations.create(request.cycleId(), request.candidateId(), request.targetLevel().strip(),
                request.justification());
        return Response.created(URI.create("/api/v1/nominations/" + n.id())).tag(IfMatch.etag(n.revision()))
                .entity(NominationView.of(n)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A nomination")
    @APIResponse(responseCode = "200", description = "The nomination")
    public RestResponse<NominationView> get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(nominations.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit a draft (its nominator, or hr-admin without a conflict of interest on it)",
            description = "Only a draft of a cycle that is not closed (else 409); the result is checked as on creation.")
    @APIResponse(responseCode = "200", description = "The edited draft")
    public RestResponse<NominationView> edit(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @Valid @NotNull PatchNomination patch) {
        return view(nominations.edit(id, patch.targetLevel() == null ? null : patch.targetLevel().strip(),
                patch.justification()));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit to the committee (its nominator, or hr-admin without a conflict of interest on it)",
            description = "Only while the cycle's nominations are open (else 409). The committee of the candidate's "
                    + "org unit, minus the candidate, their management chain and the nominator, must still make its "
                    + "quorum (else 409). Publishes org.leveling.promotions.nomination-submitted.v1 with those "
                    + "members; the case enters IN_REVIEW when evidence-service's packet arrives.")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "409", description = "Not a draft, nominations not open, no committee or no quorum")
    public RestResponse<NominationView> submit(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(nominations.submit(id));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw (its nominator, or hr-admin without a conflict of interest on it)",
            description = "Any time before the decision while the cycle is not closed (else 409). Publishes "
                    + "org.leveling.promotions.nomination-withdrawn.v1; evidence-service ends the committee's access. "
                    + "The candidate may then be nominated again in the cycle.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Neither its nominator nor hr-admin, or an hr-admin with a "
            + "conflict of interest on the case (its candidate, in the candidate's chain)")
    @APIResponse(responseCode = "409", description = "Decided or withdrawn already, or the cycle is closed")
    public RestResponse<NominationView> withdraw(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(nominations.withdraw(id));
    }

    @PUT
    @Path("/{id}/acting-chair")
    @Operation(summary = "Designate the acting chair of a case (hr-admin without a conflict of interest on it)",
            description = "For a case under review whose committee chair has a conflict of interest on it (else 409): "
                    + "one of its eligible members (else 400) then records the decision. An hr-admin who is the "
                    + "candidate, the nominator, in the candidate's chain, recused or an attester of the packet's "
                    + "evidence gets 403.")
    @APIResponse(responseCode = "200", description = "Designated")
    @APIResponse(responseCode = "403", description = "Not hr-admin, or conflicted on the case")
    @APIResponse(responseCode = "409", description = "Not under review, or the chair may decide it")
    public RestResponse<NominationView> actingChair(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @Valid @NotNull ActingChairRequest request) {
        return view(seats.designateActingChair(id, request.memberId()));
    }

    @GET
    @Path("/{id}/packet")
    @Operation(summary = "The frozen packet (eligible committee members, hr-admin without a conflict of interest)",
            description = "As evidence-service assembled it (org.leveling.evidence.packet-assembled.v1): readiness per "
                    + "competency and the evidence that counted, without narratives. 404 until it has arrived, and "
                    + "404 for anyone with a conflict of interest on the case (the candidate, the nominator, the "
                    + "candidate's management chain, recused members, attesters of its evidence), whatever their "
                    + "roles.")
    @APIResponse(responseCode = "200", description = "The packet",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, description = "The data of "
                    + "org.leveling.evidence.packet-assembled.v1 as it arrived; its JSON Schema is "
                    + "docs/events/org.leveling.evidence.packet-assembled.v1.json")))
    public Response packet(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return Response.ok(packets.read(id), MediaType.APPLICATION_JSON_TYPE).build();
    }


    private static RestResponse<NominationView> view(Nomination n) {
        return IfMatch.tagged(NominationView.of(n), n.revision());
    }
}
