package org.leveling.promotion.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.problem.Problem;
import org.leveling.promotion.api.CommitteeResource.CommitteeView;
import org.leveling.promotion.domain.CommitteeService;

import io.quarkus.security.Authenticated;

/** A committee by its own id (committees are created under their cycle, see {@link CommitteeResource}). */
@Path("/api/v1/committees")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Committees")
public class CommitteeByIdResource {

    private final CommitteeService committees;

    public CommitteeByIdResource(CommitteeService committees) {
        this.committees = committees;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A committee")
    @APIResponse(responseCode = "200", description = "The committee",
            content = @Content(schema = @Schema(implementation = CommitteeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown committee",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CommitteeView get(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a committee id")
            String id) {
        return CommitteeView.of(committees.get(id));
    }
}
