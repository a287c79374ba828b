package org.leveling.common.testing;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.leveling.common.audit.AuditTrail;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Roles;

import io.quarkus.security.Authenticated;

/**
 * Test-only endpoints that fail in each way the problem mappers must handle. Shipped in the
 * common test-jar, so it exists in every service's tests and in no running service.
 */
@Path("/test-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class ProblemProbeResource {

    private final AuditTrail audit;

    public ProblemProbeResource(AuditTrail audit) {
        this.audit = audit;
    }

    /** A change that audits itself, like every service method should. */
    @POST
    @Path("/notes/{id}")
    @Operation(hidden = true)
    @Authenticated
    @Transactional
    public Item note(@PathParam("id") String id, @Valid @NotNull Item item) {
        audit.recordChange("note", id, null, item);
        return item;
    }

    /** A change only hr-admin may make. */
    @PUT
    @Path("/guarded/{id}")
    @Operation(hidden = true)
    @RolesAllowed(Roles.HR_ADMIN)
    @Transactional
    public Item guarded(@PathParam("id") String id, @Valid @NotNull Item item) {
        audit.recordChange("guarded", id, Map.of("name", "old"), item);
        return item;
    }

    /** A change that forgot to audit itself. */
    @POST
    @Path("/unaudited")
    @Operation(hidden = true)
    public Item unaudited(@Valid @NotNull Item item) {
        return item;
    }

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
    public List<Item> list(@QueryParam("limit") @Min(1) @Max(100) Integer limit, @QueryParam("kind") Kind kind) {
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
