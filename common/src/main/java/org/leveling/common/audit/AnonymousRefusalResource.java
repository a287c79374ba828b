package org.leveling.common.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.leveling.common.web.Page;

/** The counted refusals of calls without a valid token to this service, for hr-admin. Present in every service. */
@Path("/api/v1/audit/anonymous-refusals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed(Roles.HR_ADMIN)
public class AnonymousRefusalResource {

    private final AnonymousRefusals refusals;

    public AnonymousRefusalResource(AnonymousRefusals refusals) {
        this.refusals = refusals;
    }

    @GET
    @Operation(summary = "Read the counted anonymous refusals",
            description = "Mutating calls refused without a valid token are not written to the audit trail one by "
                    + "one: they are counted per minute, method, route template, client address and status. A minute "
                    + "holds at most leveling.audit.anonymous-refusals.max-rows-per-minute rows (default 100); "
                    + "refusals beyond them are counted in the minute's '(other)' row of their status. Newest first. "
                    + "hr-admin only.")
    @APIResponse(responseCode = "200", description = "A page of counts")
    @APIResponse(responseCode = "400", description = "Invalid time bound, limit or cursor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Page<AnonymousRefusal> find(
            @Parameter(description = "Inclusive lower bound on the minute, ISO 8601, e.g. 2026-01-31T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Exclusive upper bound on the minute, ISO 8601") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(AuditResource.MAX_PAGE_SIZE) int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 100)
            String cursor) {
        return refusals.find(AuditResource.instant("from", from), AuditResource.instant("to", to), limit, cursor);
    }
}
