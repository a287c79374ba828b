package org.leveling.promotion.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.decision.DecisionService;

import io.quarkus.security.Authenticated;

/** A decision by its own id, and its immutability (appeals: {@link AppealFilingResource}). */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Decisions")
@APIResponse(responseCode = "404", description = "Unknown decision, or not yours to see")
public class DecisionByIdResource {

    private static final String ID_MESSAGE = "must be a decision id";
    private static final String IMMUTABLE = "Decisions are immutable: the candidate or the nominator may appeal "
            + "(POST /api/v1/decisions/{id}/appeals); an upheld appeal records a new decision that supersedes this one.";

    private final DecisionService decisions;

    public DecisionByIdResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A decision")
    @APIResponse(responseCode = "200", description = "The decision")
    public DecisionResource.DecisionView get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return DecisionResource.DecisionView.of(decisions.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always")
    public Response replace(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return refuseChange(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always")
    public Response change(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return refuseChange(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Not allowed: decisions are immutable (409)")
    @APIResponse(responseCode = "409", description = "Always")
    public Response delete(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return refuseChange(id);
    }

    /** 409 for a change of a decision the caller may see; an unknown or hidden one is still a 404. */
    private Response refuseChange(String id) {
        decisions.get(id);
        throw ProblemException.conflict(IMMUTABLE);
    }
}
