package org.leveling.common.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnonymousRefusalPage")
public record AnonymousRefusalPage(
        List<AnonymousRefusal> items,
        @Schema(description = "Pass as cursor to get the next (older) page; absent on the last page.")
        String nextCursor) {
}
