package org.leveling.common.inbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.problem.Problem;
import org.leveling.common.security.Roles;

/** The inbox's parked records of this service, for hr-admin: read them, re-drive them. Present in every service. */
@Path("/api/v1/inbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Events this service consumed but could not apply (docs/messaging.md): listed "
        + "with the reason, and applied again once the cause is fixed.")
@RolesAllowed(Roles.HR_ADMIN)
public class ParkedEventResource {

    private final ParkedEvents parked;

    public ParkedEventResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(summary = "Parked events, oldest first (hr-admin)")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = ParkedEvents.Parked.class, type = org.eclipse
                    .microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public List<ParkedEvents.Parked> list(
            @Parameter(description = "Only after this id (the last id of the previous page)") @QueryParam("after")
            @DefaultValue("0") @Min(0) long after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(200) int limit) {
        return parked.list(after, limit);
    }

    @POST
    @Path("/{id}/redrive")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Apply a parked event again (hr-admin)",
            description = "Through the same handler, with the inbox's retries, as if it had just been consumed. "
                    + "APPLIED, IGNORED or DUPLICATE: it leaves the list. PARKED: it failed again and stays, with the "
                    + "new reason.")
    @APIResponse(responseCode = "200", description = "What the re-drive did",
            content = @Content(schema = @Schema(implementation = ParkedEvents.Redriven.class)))
    @APIResponse(responseCode = "404", description = "No parked event with this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ParkedEvents.Redriven redrive(@PathParam("id") long id) {
        return parked.redrive(id);
    }
}
