package org.leveling.common.people;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Data of {@code org.leveling.people.person-upserted.v1} as consumers read it (schema:
 * docs/events/org.leveling.people.person-upserted.v1.json, owned by levels-service).
 */
public record PersonUpserted(
        @NotBlank String employeeId,
        @NotBlank String name,
        String managerId,
        String orgUnit,
        String jobFamily,
        String track,
        @NotNull @Positive Long revision,
        @NotNull Instant upsertedAt) {

    public static final String TYPE = "org.leveling.people.person-upserted.v1";
    public static final String TOPIC = "leveling.levels.people";
}
