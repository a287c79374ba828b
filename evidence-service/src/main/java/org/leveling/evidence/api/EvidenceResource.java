package org.leveling.evidence.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Ids;
import org.leveling.common.web.IfMatch;
import org.leveling.common.web.Page;
import org.leveling.evidence.api.EvidenceRequests.Comment;
import org.leveling.evidence.api.EvidenceRequests.CreateEvidence;
import org.leveling.evidence.api.EvidenceRequests.EvidenceView;
import org.leveling.evidence.api.EvidenceRequests.PatchEvidence;
import org.leveling.evidence.domain.AttestationKind;
import org.leveling.evidence.domain.Evidence;
import org.leveling.evidence.domain.EvidenceAttestations;
import org.leveling.evidence.domain.EvidenceService;
import org.leveling.evidence.domain.EvidenceStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Evidence", description = "What people did that shows a competency at a level, and its attestation. "
        + "Read by the subject, their management chain, hr-admin and members of a committee with an open nomination "
        + "of the subject; everyone else gets 404.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown, or not yours to see")
public class EvidenceResource {

    private static final String ID_MESSAGE = "must be an evidence id";

    private final EvidenceService evidence;
    private final EvidenceAttestations attestations;
    private final ObjectMapper json;

    public EvidenceResource(EvidenceService evidence, EvidenceAttestations attestations, ObjectMapper json) {
        this.evidence = evidence;
        this.attestations = attestations;
        this.json = json;
    }

    @POST
    @Operation(summary = "Record evidence (as a draft, or submitted with ?submit=true)",
            description = "The caller is the author: the subject themselves or someone in their management chain. "
                    + "Validated against the pinned framework version (published, not retired; the level and the "
                    + "competencies exist in it) and dates (from ≤ to, not in the future, within 10 years). With an "
                    + "Idempotency-Key, repeating the same request returns the evidence the first created (header "
                    + "Idempotent-Replayed: true); the same key with a different body is a 422.")
    @APIResponse(responseCode = "201", description = "Created (or replayed)",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "403", description = "Not the subject nor in their management chain")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different request")
    public Response create(
            @Parameter(description = "Any unique string per intended creation, up to 255 characters")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 255) String idempotencyKey,
            @Parameter(description = "true: submit at once (save and submit in one step), publishing "
                    + "org.leveling.evidence.submitted.v1") @QueryParam("submit") @DefaultValue("false") boolean submit,
            @Valid @NotNull CreateEvidence request) {
        EvidenceService.Created created = evidence.create(request.subjectId(), request.content(), submit,
                idempotencyKey, idempotencyKey == null ? null : digest(request) + (submit ? "+submit" : ""));
        Evidence e = created.evidence();
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/evidence/" + e.id()))
                .tag(IfMatch.etag(e.revision())).entity(EvidenceView.of(e, created.replayed() ? evidence.attestations(e.id()) : List.of()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true").build() : response.build();
    }

    @GET
    @Operation(summary = "A person's evidence, oldest first")
    @APIResponse(responseCode = "200", description = "A page")
    public Page<EvidenceView> list(
            @Parameter(description = "Whose evidence (required)", example = "E300") @QueryParam("subject") @NotNull
            @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE) String subject,
            @Parameter(description = "Only evidence in this status") @QueryParam("status") EvidenceStatus status,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100)
            int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        EvidenceService.Position after = cursor == null ? null : Cursors.decodeParts(cursor,
                parts -> new EvidenceService.Position(Instant.parse(parts.get(0)), parts.get(1)));
        Page<Evidence> page = Page.of(evidence.list(subject, status, after, limit + 1), limit, e -> e,
                last -> Cursors.encodeParts(last.createdAt(), last.id()));
        // Attestations are read for the whole page at once, not per item.
        return new Page<>(EvidenceView.of(page.items(), evidence.attestations(page.items())), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One piece of evidence with its attestations")
    @APIResponse(responseCode = "200", description = "The evidence; ETag is its revision")
    public RestResponse<EvidenceView> get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return tagged(evidence.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit a draft (its author)",
            description = "Replaces the fields sent; the result is validated as on creation. Only drafts can be "
                    + "edited (else 409). With If-Match, a stale revision is a 412.")
    @APIResponse(responseCode = "200", description = "The edited draft")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current revision")
    public RestResponse<EvidenceView> edit(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch, @Valid @NotNull PatchEvidence patch) {
        return tagged(evidence.edit(id, patch::applyTo, revision(ifMatch)));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a draft for attestation (its author)",
            description = "Publishes org.leveling.evidence.submitted.v1. Only a draft can be submitted (else 409).")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response submit(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(evidence.submit(id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Acknowledge submitted evidence without a comment", hidden = true)
    public Response acknowledgeWithoutBody(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(attestations.attestAsManager(id, AttestationKind.ACKNOWLEDGED, null));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Acknowledge submitted evidence (the subject's management chain, not its author)",
            description = "The comment is optional (the body may be left out). Publishes "
                    + "org.leveling.evidence.acknowledged.v1 (without the comment).")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response acknowledge(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @Valid Comment comment) {
        return view(attestations.attestAsManager(id, AttestationKind.ACKNOWLEDGED, comment == null ? null
                : blankToNull(comment.comment())));
    }

    @POST
    @Path("/{id}/challenge")
    @Operation(summary = "Challenge submitted evidence with a comment (the subject's management chain)",
            description = "Publishes org.leveling.evidence.challenged.v1 (without the comment).")
    @APIResponse(responseCode = "200", description = "Challenged",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response challenge(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @Valid Comment comment) {
        return view(attestations.attestAsManager(id, AttestationKind.CHALLENGED, required(comment)));
    }

    @POST
    @Path("/{id}/endorsements")
    @Operation(summary = "Endorse evidence as a peer, with a comment, once",
            description = "Peers are everyone but the subject, the author and the subject's management chain. "
                    + "Submitted or acknowledged evidence only. Publishes org.leveling.evidence.endorsed.v1 "
                    + "(without the comment). The response carries the endorsement count, not the evidence.")
    @APIResponse(responseCode = "201", description = "Endorsed")
    @APIResponse(responseCode = "409", description = "Endorsed already, or not endorsable in its status")
    public RestResponse<Endorsed> endorse(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE)
            String id, @Valid Comment comment) {
        Evidence e = attestations.endorse(id, required(comment));
        return RestResponse.status(RestResponse.Status.CREATED, new Endorsed(e.id(), evidence.attestations(id).stream()
                .filter(a -> a.kind() == AttestationKind.ENDORSED).count()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw evidence (its author or subject)",
            description = "Withdrawn evidence counts nowhere. Publishes org.leveling.evidence.withdrawn.v1.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response withdraw(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(evidence.withdraw(id));
    }

    @Schema(name = "Endorsed")
    record Endorsed(String evidenceId, long endorsements) {
    }

    private Response view(Evidence e) {
        return tagged(e).toResponse();
    }

    private RestResponse<EvidenceView> tagged(Evidence e) {
        return IfMatch.tagged(EvidenceView.of(e, evidence.attestations(e.id())), e.revision());
    }

    private static String required(Comment comment) {
        String text = comment == null ? null : blankToNull(comment.comment());
        if (text == null) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "A comment is required.",
                    List.of(new FieldViolation("comment", "must not be blank")));
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The revision If-Match asks for; null when there is no precondition (absent or {@code *}). */
    private static Long revision(String ifMatch) {
        if (ifMatch != null && ifMatch.isBlank()) {
            return -1L; // an empty If-Match matches nothing
        }
        Long revision = IfMatch.revision(ifMatch);
        return revision == null || revision == IfMatch.ANY ? null : revision;
    }

    /** A digest of the request as parsed, so formatting differences do not make "a different request". */
    private String digest(CreateEvidence request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not digest a request", e);
        }
    }
}
