package org.leveling.common.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnonymousRefusal", description = "Refused calls without a valid token in one minute, from one client "
        + "address to one route, with one status: counted, not recorded one by one.")
public record AnonymousRefusal(
        long id,
        @Schema(description = "Start of the minute (UTC)", example = "2026-01-31T09:14:00Z") Instant minute,
        @Schema(description = "HTTP method; '*' in a minute's (other) row", example = "POST") String method,
        @Schema(description = "Route template, not the path sent; '(other)' for the refusals beyond the minute's "
                + "row cap", example = "/api/v1/people/{employeeId}") String route,
        @Schema(description = "Client address as the HTTP layer saw it; '(other)' beyond the cap",
                example = "203.0.113.7") String clientAddress,
        @Schema(example = "401") int status,
        @Schema(description = "How many such calls were refused", example = "37") long refusals,
        Instant firstAt,
        Instant lastAt) {
}
