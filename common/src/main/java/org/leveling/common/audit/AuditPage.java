package org.leveling.common.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage")
public record AuditPage(
        List<AuditEntry> items,
        @Schema(description = "Pass as cursor to get the next (older) page; absent on the last page.")
        String nextCursor) {
}
