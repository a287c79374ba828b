package org.leveling.promotion.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.leveling.promotion.domain.appeal.Appeal;
import org.leveling.promotion.domain.appeal.AppealService;

import io.quarkus.security.Authenticated;

/** Filing an appeal against a decision; the appeal itself is {@link AppealResource}. */
@Path("/api/v1/decisions/{decisionId}/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Appeals")
@APIResponse(responseCode = "404", description = "Unknown decision, or not yours to see")
public class AppealFilingResource {

    private final AppealService appeals;

    public AppealFilingResource(AppealService appeals) {
        this.appeals = appeals;
    }

    @Schema(name = "AppealRequest")
    record AppealRequest(@Schema(description = "Why; kept in promotion-service, never published")
            @NotBlank @Size(max = 10000) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal the decision (the candidate or the nominator)",
            description = "Only the decision in force, within leveling.appeals.window (default 30 days) of it, once "
                    + "(409 otherwise). Publishes org.leveling.promotions.appeal-filed.v1 without the reason.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = AppealResource.AppealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Neither the candidate nor the nominator")
    @APIResponse(responseCode = "409", description = "Window closed, appealed already, or superseded")
    public Response appeal(@PathParam("decisionId") @Pattern(regexp = Ids.UUID, message = "must be a decision id") String decisionId,
            @Valid @NotNull AppealRequest request) {
        Appeal appeal = appeals.file(decisionId, request.reason().strip());
        return Response.created(URI.create("/api/v1/appeals/" + appeal.id()))
                .entity(AppealResource.AppealView.of(appeal)).build();
    }
}
