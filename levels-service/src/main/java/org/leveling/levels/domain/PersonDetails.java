package org.leveling.levels.domain;

/** What a person upsert sets; every field but the id. */
public record PersonDetails(String name, String email, String managerId, String orgUnit, String jobFamily,
        String track) {
}
