package org.leveling.common.testing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.leveling.common.problem.ResourceNotFoundException;

/**
 * Test-only endpoints that fail in each way the problem mappers must handle. Shipped in the
 * common test-jar, so it exists in every service's tests and in no running service.
 */
@Path("/test-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    public enum Kind { LAUNCH, MENTORING }

    public record Item(@NotBlank String name, @NotNull @Min(0) Integer count, Kind kind,
            @Size(max = 3) List<@NotBlank String> tags) {
    }

    @POST
    @Path("/items")
    @Operation(hidden = true)
    public Item create(@Valid @NotNull Item item) {
        return item;
    }

    @GET
    @Path("/items")
    @Operation(hidden = true)
    public List<Item> list(@QueryParam("limit") @Min(1) @Max(100) Integer limit) {
        return List.of();
    }

    @GET
    @Path("/items/{id}")
    @Operation(hidden = true)
    public Item get(@PathParam("id") String id) {
        throw new ResourceNotFoundException("item", id);
    }

    @GET
    @Path("/failure")
    @Operation(hidden = true)
    public Item fail() {
        throw new IllegalStateException("secret internal detail in org.leveling.Internal");
    }
}
