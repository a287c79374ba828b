package org.leveling.evidence.messaging.in;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The part of {@code org.leveling.promotions.decision-recorded.v1} evidence-service needs: which
 * nomination was decided (schema: docs/events/org.leveling.promotions.decision-recorded.v1.json).
 */
public record DecisionRecorded(@NotBlank String decisionId, @NotBlank String nominationId,
        @NotBlank String candidateId, @NotBlank String outcome, @NotNull Instant decidedAt) {

    public static final String TYPE = "org.leveling.promotions.decision-recorded.v1";
}
