package org.leveling.common.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Page;

/** The audit trail of this service, for hr-admin. Present in every service. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only record of every mutating call to this service, succeeded or refused.")
@RolesAllowed(Roles.HR_ADMIN)
public class AuditResource {

    public static final int MAX_PAGE_SIZE = 200;

    private final AuditQuery audit;

    public AuditResource(AuditQuery audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Read the audit trail", description = "Newest first. hr-admin only.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Page<AuditEntry> find(
            @Parameter(description = "e.g. person") @QueryParam("resourceType") @Size(max = 64) String resourceType,
            @Parameter(description = "e.g. E200") @QueryParam("resourceId") @Size(max = 255) String resourceId,
            @Parameter(description = "Employee id of the caller") @QueryParam("actor") @Size(max = 64) String actor,
            @Parameter(description = "Inclusive lower bound, ISO 8601, e.g. 2026-01-31T00:00:00Z") @QueryParam("from")
            String from,
            @Parameter(description = "Exclusive upper bound, ISO 8601") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(MAX_PAGE_SIZE) int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 100)
            String cursor) {
        return audit.find(new AuditQuery.Filter(resourceType, resourceId, actor, instant("from", from),
                instant("to", to)), limit, cursor);
    }

    /** A time bound from a query parameter; absent or blank is none. */
    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "A time filter is not valid.",
                    List.of(new Problem.FieldViolation(parameter, "must be an ISO 8601 instant, e.g. 2026-01-31T00:00:00Z")));
        }
    }
}
