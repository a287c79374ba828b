package org.leveling.levels.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.leveling.common.web.Ids;
import org.leveling.common.web.Cursors;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Page;
import org.leveling.levels.domain.area.Area;
import org.leveling.levels.domain.area.AreaOwnership;
import org.leveling.levels.domain.area.AreaService;

import io.quarkus.security.Authenticated;

@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Areas of Responsibility", description = "Key areas of the business, each with exactly one owner at a "
        + "time; owner changes keep history. hr-admin writes; every authenticated caller reads.")
@APIResponse(responseCode = "400", description = "Invalid input")
public class AreaResource {

    private final AreaService areas;

    public AreaResource(AreaService areas) {
        this.areas = areas;
    }

    @Schema(name = "CreateArea")
    public record CreateArea(
            @Schema(example = "checkout") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) @Size(max = 64)
            String key,
            @Schema(example = "Checkout") @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Schema(example = "E220") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String ownerId) {
    }

    @Schema(name = "AreaOwnerChange")
    public record OwnerChange(
            @Schema(example = "E230") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String ownerId) {
    }

    @Schema(name = "AreaOwnership")
    public record Ownership(String ownerId, Instant since, String changedBy) {

        static Ownership of(AreaOwnership ownership) {
            return new Ownership(ownership.ownerId(), ownership.since(), ownership.changedBy());
        }
    }

    @Schema(name = "Area")
    public record AreaView(String key, String name, String description, String ownerId, long revision,
            @Schema(description = "Only on GET /areas/{key}: every owner, oldest first.") List<Ownership> ownerHistory) {

        static AreaView of(Area area, List<Ownership> history) {
            return new AreaView(area.key(), area.name(), area.description(), area.ownerId(), area.revision(), history);
        }
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Create an area with its owner (hr-admin)",
            description = "Publishes org.leveling.areas.area-owner-changed.v1.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "409", description = "The key exists")
    public Response create(@Valid @NotNull CreateArea request) {
        Area area = areas.create(request.key(), request.name().strip(), request.description(), request.ownerId());
        return Response.created(URI.create("/api/v1/areas/" + area.key()))
                .entity(AreaView.of(area, areas.history(area.key()).stream().map(Ownership::of).toList())).build();
    }

    @GET
    @Operation(summary = "Who owns what", description = "Areas by key; filter by text in the name or by owner.")
    @APIResponse(responseCode = "200", description = "A page of areas")
    public Page<AreaView> list(
            @Parameter(description = "Text the name contains, case-insensitive") @QueryParam("q") @Size(max = 100)
            String text,
            @Parameter(description = "Only areas this person owns") @QueryParam("owner")
            @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE) String owner,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100)
            int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        return Page.of(areas.list(text, owner, cursor == null ? null : Cursors.decode(cursor), limit + 1), limit,
                area -> AreaView.of(area, null), view -> Cursors.encode(view.key()));
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "An area, its owner and its owner history")
    @APIResponse(responseCode = "200", description = "The area")
    @APIResponse(responseCode = "404", description = "Unknown area")
    public AreaView get(@PathParam("key") @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String key) {
        return AreaView.of(areas.get(key), areas.history(key).stream().map(Ownership::of).toList());
    }

    @PUT
    @Path("/{key}/owner")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Hand the area to a new owner (hr-admin)",
            description = "The previous owner stays in the history. Publishes org.leveling.areas.area-owner-changed.v1; "
                    + "handing the area to its current owner changes nothing.")
    @APIResponse(responseCode = "200", description = "The area with its history")
    @APIResponse(responseCode = "404", description = "Unknown area")
    public AreaView changeOwner(@PathParam("key") @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String key,
            @Valid @NotNull OwnerChange change) {
        Area area = areas.changeOwner(key, change.ownerId());
        return AreaView.of(area, areas.history(key).stream().map(Ownership::of).toList());
    }
}
