package org.leveling.promotion.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.decision.Decision;
import org.leveling.promotion.domain.decision.DecisionService;
import org.leveling.promotion.domain.nomination.Outcome;
import org.leveling.promotion.domain.voting.Tally;

import io.quarkus.security.Authenticated;

@Path("/api/v1/nominations/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Decisions", description = "Immutable decisions on cases: recorded once by the committee's chair (or the "
        + "acting chair) when the votes make the quorum; replaced only by an upheld appeal, which writes a new "
        + "decision that supersedes the old. Readable by whoever may see the case.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown case, or not yours to see")
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Schema(name = "CompetencyAssessment")
    record Assessment(@Schema(example = "strategy") @NotBlank @Size(max = 64) String competency,
            @NotBlank @Size(max = 4000) String assessment) {
    }

    @Schema(name = "DecisionRationale", description = "A summary and one assessment per competency of the target "
            + "level — every one of them, once.")
    record Rationale(@NotBlank @Size(max = 10000) String summary,
            @NotNull @Size(min = 1, max = 64) List<@Valid @NotNull Assessment> competencies) {
        Decision.Rationale asDecisionRationale() {
            return new Decision.Rationale(summary.strip(), competencies.stream()
                    .map(a -> new Decision.CompetencyAssessment(a.competency(), a.assessment().strip())).toList());
        }
    }

    @Schema(name = "DecisionRequest")
    record DecisionRequest(@NotNull Outcome outcome, @Valid @NotNull Rationale rationale,
            @Schema(description = "From when it takes effect; required for PROMOTED, defaults to today otherwise; "
                    + "within 92 days back and 366 days ahead") LocalDate effectiveDate,
            @Schema(description = "Required exactly when the outcome goes against the majority of the votes "
                    + "(approvals outnumber rejections or the other way round; a tie has no majority)")
            @Size(max = 4000) String overrideReason) {
        DecisionService.Statement toStatement() {
            return new DecisionService.Statement(outcome, rationale.asDecisionRationale(), effectiveDate, overrideReason);
        }
    }

    @Schema(name = "Decision")
    record DecisionView(String id, String nominationId, String cycleId, String candidateId, Outcome outcome,
            Decision.Rationale rationale, LocalDate effectiveDate,
            @Schema(description = "The eligible members' votes when it was recorded") Tally votes,
            @Schema(description = "The votes' majority outcome; null on a tie") Outcome majority,
            @Schema(description = "True when the outcome goes against the majority") boolean override,
            String overrideReason, String decidedBy, Instant decidedAt,
            @Schema(description = "The decision this one replaced after an upheld appeal") String supersedesDecisionId,
            String appealId) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.nominationId(), d.cycleId(), d.candidateId(), d.outcome(), d.rationale(),
                    d.effectiveDate(), d.tally(), d.majority(), d.override(), d.overrideReason(), d.decidedBy(),
                    d.decidedAt(), d.supersedesDecisionId(), d.appealId());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the decision (the chair, or the acting chair when the chair is conflicted)",
            description = "Once per case (a second is a 409: decisions are immutable). Needs the case IN_REVIEW, the "
                    + "cycle IN_REVIEW or CALIBRATING, and at least the committee's quorum of votes from eligible "
                    + "members (409 otherwise). An outcome against the majority needs overrideReason and is flagged. "
                    + "Publishes org.leveling.promotions.decision-recorded.v1: levels-service turns PROMOTED into "
                    + "level history, evidence-service ends the committee's access.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "403", description = "Not the chair or acting chair of the case")
    @APIResponse(responseCode = "409", description = "Decided already, not in review, or quorum not met")
    public Response decide(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a nomination id") String id,
            @Valid @NotNull DecisionRequest request) {
        Decision d = decisions.decide(id, request.toStatement());
        return Response.created(URI.create("/api/v1/decisions/" + d.id())).entity(DecisionView.of(d)).build();
    }

    @GET
    @Operation(summary = "The decisions of a case, oldest first (the last is in force)")
    @APIResponse(responseCode = "200", description = "The decisions",
            content = @Content(schema = @Schema(implementation = DecisionView.class, type = org.eclipse.microprofile
                    .openapi.annotations.enums.SchemaType.ARRAY)))
    public List<DecisionView> list(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a nomination id")
            String id) {
        return decisions.ofCase(id).stream().map(DecisionView::of).toList();
    }
}
