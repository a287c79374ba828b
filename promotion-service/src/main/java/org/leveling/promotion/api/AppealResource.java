package org.leveling.promotion.api;

import java.time.Instant;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.appeal.Appeal;
import org.leveling.promotion.domain.appeal.AppealService;

import io.quarkus.security.Authenticated;

@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Appeals", description = "Appeals against decisions, filed by the candidate or the nominator and decided "
        + "by hr-admin or the chair of another committee of the cycle without a conflict of interest on the case.")
@APIResponse(responseCode = "404", description = "Unknown appeal, or not yours to see")
public class AppealResource {

    private final AppealService appeals;

    public AppealResource(AppealService appeals) {
        this.appeals = appeals;
    }

    @Schema(name = "Appeal")
    record AppealView(String id, String decisionId, String nominationId, String appellantId,
            Appeal.AppellantRole appellantRole, String reason, Instant filedAt, Appeal.Status status,
            String decidedBy, Instant decidedAt, String decisionReason,
            @Schema(description = "The decision that replaced the appealed one, when upheld") String newDecisionId) {
        static AppealView of(Appeal a) {
            return new AppealView(a.id(), a.decisionId(), a.nominationId(), a.appellantId(), a.appellantRole(),
                    a.reason(), a.filedAt(), a.status(), a.decidedBy(), a.decidedAt(), a.decisionReason(),
                    a.newDecisionId());
        }
    }

    @Schema(name = "AppealRuling")
    record RulingRequest(@Schema(description = "True to uphold (then newDecision is required)") @NotNull Boolean upheld,
            @NotBlank @Size(max = 10000) String reason,
            @Schema(description = "The decision that replaces the appealed one; its outcome must differ")
            @Valid DecisionResource.DecisionRequest newDecision) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An appeal")
    @APIResponse(responseCode = "200", description = "The appeal")
    public AppealView get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be an appeal id") String id) {
        return AppealView.of(appeals.get(id));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide an appeal (hr-admin, or the chair of another committee of the cycle)",
            description = "Once (409 afterwards). Upheld: newDecision (outcome different from the appealed one, "
                    + "rationale per competency, effective date) becomes the case's decision in force, superseding the "
                    + "appealed one, and is published as decision-recorded with supersedesDecisionId. Publishes "
                    + "org.leveling.promotions.appeal-decided.v1 either way.")
    @APIResponse(responseCode = "200", description = "Decided")
    @APIResponse(responseCode = "400", description = "Invalid input; each problem located")
    @APIResponse(responseCode = "403", description = "May see the case but not decide its appeal")
    @APIResponse(responseCode = "409", description = "Decided already")
    public AppealView decide(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be an appeal id") String id,
            @Valid @NotNull RulingRequest request) {
        return AppealView.of(appeals.decide(id, new AppealService.Ruling(request.upheld(), request.reason().strip(),
                request.newDecision() == null ? null : request.newDecision().toStatement())));
    }
}
