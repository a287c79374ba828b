package org.leveling.common.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "AuditEntry", description = "One mutating API call, as recorded in the append-only audit trail.")
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Schema(description = "Employee id of the caller; 'anonymous' only for a succeeded call that needs no token. "
                + "Refused calls without a valid token are counted in /api/v1/audit/anonymous-refusals instead.")
        String actor,
        List<String> roles,
        @Schema(example = "PUT /api/v1/people/E200") String action,
        @Schema(example = "person") String resourceType,
        @Schema(example = "E200") String resourceId,
        @Schema(description = "State before the change; absent for a creation or a refused call.") JsonNode before,
        @Schema(description = "State after the change; absent for a refused call.") JsonNode after,
        @Schema(enumeration = { "SUCCEEDED", "REFUSED" }) String outcome,
        @Schema(description = "HTTP status: of a refused call, or of a change recorded after the fact.", example = "403") Integer status,
        String detail,
        String correlationId) {
}
