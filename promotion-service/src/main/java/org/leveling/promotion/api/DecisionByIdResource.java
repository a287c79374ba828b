package org.leveling.promotion.api;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.leveling.promotion.domain.appeal.Appeal;
import org.leveling.promotion.domain.appeal.AppealService;
import org.leveling.promotion.domain.decision.DecisionService;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;

import io.quarkus.security.Authenticated;

/** A decision by its own id, its immutability, and appeals against it. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Decisions")
@APIResponse(responseCode = "404", description = "Unknown decision, or not yours to see",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class DecisionByIdResource {

    private static final String ID = "[0-9a-f-]{36}";
    private static final String ID_MESSAGE = "must be a decision id";
    private static final String IMMUTABLE = "Decisions are immutable: the candidate or the nominator may appeal "
            + "(POST /api/v1/decisions/{id}/appeals); an upheld appeal records a new decision that supersedes this one.";

    private final DecisionService decisions;
    private final AppealService appeals;

    public DecisionByIdResource(DecisionService decisions, AppealService appeals) {
        this.decisions = decisions;
        this.appeals = appeals;
    }

    @Schema(name = "AppealRequest")
    record AppealRequest(@Schema(description = "Why; kept in promotion-service, never published")
            @NotBlank @Size(max = 10000) String reason) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A decision")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionResource.DecisionView.class)))
    public DecisionResource.DecisionView get(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        return DecisionResource.DecisionView.of(decisions.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        decisions.get(id);
        throw ProblemException.conflict(IMMUTABLE);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        decisions.get(id);
        throw ProblemException.conflict(IMMUTABLE);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
        decisions.get(id);
        throw ProblemException.conflict(IMMUTABLE);
    }

    @POST
    @Path("/{id}/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal the decision (the candidate or the nominator)",
            description = "Only the decision in force, within leveling.appeals.window (default 30 days) of it, once "
                    + "(409 otherwise). Publishes org.leveling.promotions.appeal-filed.v1 without the reason.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = AppealResource.AppealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither the candidate nor the nominator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Window closed, appealed already, or superseded",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response appeal(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @Valid @NotNull AppealRequest request) {
        Appeal appeal = appeals.file(id, request.reason().strip());
        return Response.created(URI.create("/api/v1/appeals/" + appeal.id()))
                .entity(AppealResource.AppealView.of(appeal)).build();
    }
}
