package org.leveling.levels.messaging.in;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Data of decision-recorded.v1 as levels-service reads it (schema in docs/events/). */
public record DecisionRecorded(
        @NotBlank String decisionId,
        @NotBlank String nominationId,
        @NotBlank String candidateId,
        @NotBlank String outcome,
        @NotBlank String frameworkKey,
        @NotNull @Min(1) Integer frameworkVersion,
        @NotBlank String targetLevel,
        @NotNull LocalDate effectiveDate,
        Instant decidedAt,
        String supersedesDecisionId) {

    public static final String TYPE = "org.leveling.promotions.decision-recorded.v1";
}
