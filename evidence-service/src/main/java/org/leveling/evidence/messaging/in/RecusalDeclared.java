package org.leveling.evidence.messaging.in;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Data of {@code org.leveling.promotions.recusal-declared.v1} (schema:
 * docs/events/org.leveling.promotions.recusal-declared.v1.json, produced by promotion-service).
 */
public record RecusalDeclared(@NotBlank String nominationId, @NotBlank String committeeId, @NotBlank String memberId,
        @NotNull Instant declaredAt) {

    public static final String TYPE = "org.leveling.promotions.recusal-declared.v1";
}
