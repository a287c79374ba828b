package org.leveling.common.people;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Data of {@code org.leveling.people.level-changed.v1} as consumers read it (schema:
 * docs/events/org.leveling.people.level-changed.v1.json, owned by levels-service).
 */
public record LevelChanged(
        @NotBlank String employeeId,
        @NotBlank String frameworkKey,
        @NotNull @Positive Integer frameworkVersion,
        @NotBlank String level,
        String previousLevel,
        @NotNull LocalDate effectiveFrom,
        @NotBlank String reason,
        String sourceRef,
        @NotNull @Positive Long historyEntryId) {

    public static final String TYPE = "org.leveling.people.level-changed.v1";
}
