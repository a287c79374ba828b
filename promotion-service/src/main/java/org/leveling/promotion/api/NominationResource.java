package org.leveling.promotion.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.problem.Problem;
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.Nomination;
import org.leveling.promotion.domain.NominationService;
import org.leveling.promotion.domain.NominationStatus;

import io.quarkus.security.Authenticated;

@Path("/api/v1/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Nominations", description = "Cases: a candidate nominated for a target level in a cycle by their "
        + "management chain or hr-admin, submitted to the committee of the candidate's org unit, frozen with the "
        + "packet evidence-service assembles. Seen by hr-admin, the nominator, the candidate, the candidate's "
        + "management chain and the eligible committee members; everyone else gets 404.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown, or not yours to see",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class NominationResource {

    private static final String ID = "[0-9a-f-]{36}";
    private static final String ID_MESSAGE = "must be a nomination id";

    private final NominationService nominations;

    public NominationResource(NominationService nominations) {
        this.nominations = nominations;
    }

    @Schema(name = "NominationRequest")
    record CreateNomination(
            @NotNull @Pattern(regexp = ID, message = "must be a cycle id") String cycleId,
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
            @Schema(description = "Committee members who may review the case: the committee minus the candidate, "
                    + "their management chain and the nominator. Set on submission.") List<String> eligibleMembers,
            long revision, Instant createdAt, Instant updatedAt, Instant submittedAt) {

        static NominationView of(Nomination n) {
            return new NominationView(n.id(), n.cycleId(), n.candidateId(), n.nominatorId(), n.frameworkKey(),
                    n.frameworkVersion(), n.targetLevel(), n.justification(), n.status(), n.committeeId(),
                    n.eligibleMembers(), n.revision(), n.createdAt(), n.updatedAt(), n.submittedAt());
        }
    }

    @POST
    @Operation(summary = "Nominate (the candidate's management chain or hr-admin)",
            description = "A draft in a cycle that is PLANNED or NOMINATIONS_OPEN, pinned to the current version of "
                    + "the cycle's framework. The candidate must be in the cycle's org units and have a level in that "
                    + "framework; the target must be above it in its track, or equivalent to a level above it on the "
                    + "other track. At most one open nomination per candidate per cycle (409).")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "403", description = "Not in the candidate's management chain, nor hr-admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle takes no nominations, or one is open already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateNomination request) {
        Nomination n = nominations.create(request.cycleId(), request.candidateId(), request.targetLevel().strip(),
                request.justification());
        return Response.created(URI.create("/api/v1/nominations/" + n.id())).tag(etag(n))
                .entity(NominationView.of(n)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A nomination")
    @APIResponse(responseCode = "200", description = "The nomination",
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    public Response get(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        Nomination n = nominations.get(id);
        return Response.ok(NominationView.of(n)).tag(etag(n)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit a draft (its nominator or hr-admin)",
            description = "Only a draft of a cycle that is not closed (else 409); the result is checked as on creation.")
    @APIResponse(responseCode = "200", description = "The edited draft",
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    public Response edit(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @Valid @NotNull PatchNomination patch) {
        Nomination n = nominations.edit(id, patch.targetLevel() == null ? null : patch.targetLevel().strip(),
                patch.justification());
        return Response.ok(NominationView.of(n)).tag(etag(n)).build();
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit to the committee (its nominator or hr-admin)",
            description = "Only while the cycle's nominations are open (else 409). The committee of the candidate's "
                    + "org unit, minus the candidate, their management chain and the nominator, must still make its "
                    + "quorum (else 409). Publishes org.leveling.promotions.nomination-submitted.v1 with those "
                    + "members; the case enters IN_REVIEW when evidence-service's packet arrives.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, nominations not open, no committee or no quorum",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        Nomination n = nominations.submit(id);
        return Response.ok(NominationView.of(n)).tag(etag(n)).build();
    }

    @GET
    @Path("/{id}/packet")
    @Operation(summary = "The frozen packet (hr-admin, the nominator, eligible committee members)",
            description = "As evidence-service assembled it (org.leveling.evidence.packet-assembled.v1): readiness per "
                    + "competency and the evidence that counted, without narratives. 404 until it has arrived.")
    @APIResponse(responseCode = "200", description = "The packet")
    public Response packet(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return Response.ok(nominations.packet(id), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static EntityTag etag(Nomination n) {
        return new EntityTag(Long.toString(n.revision()));
    }
}
