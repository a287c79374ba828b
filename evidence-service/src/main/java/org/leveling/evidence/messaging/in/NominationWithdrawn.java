package org.leveling.evidence.messaging.in;

import jakarta.validation.constraints.NotBlank;

/**
 * The part of {@code org.leveling.promotions.nomination-withdrawn.v1} evidence-service needs: which
 * case ended (schema: docs/events/org.leveling.promotions.nomination-withdrawn.v1.json).
 */
public record NominationWithdrawn(@NotBlank String nominationId, @NotBlank String candidateId) {

    public static final String TYPE = "org.leveling.promotions.nomination-withdrawn.v1";
}
