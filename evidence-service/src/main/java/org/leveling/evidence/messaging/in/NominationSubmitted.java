package org.leveling.evidence.messaging.in;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Data of {@code org.leveling.promotions.nomination-submitted.v1} as evidence-service reads it
 * (schema: docs/events/org.leveling.promotions.nomination-submitted.v1.json, produced by
 * promotion-service on {@code leveling.promotions}, key = nominationId).
 */
public record NominationSubmitted(
        @NotBlank String nominationId,
        @NotBlank String cycleId,
        @NotBlank String candidateId,
        @NotBlank String nominatorId,
        @NotBlank String frameworkKey,
        @NotNull @Positive Integer frameworkVersion,
        @NotBlank String targetLevel,
        @NotBlank String committeeId,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank String> committeeMembers,
        @NotNull Instant submittedAt) {

    public static final String TYPE = "org.leveling.promotions.nomination-submitted.v1";
}
