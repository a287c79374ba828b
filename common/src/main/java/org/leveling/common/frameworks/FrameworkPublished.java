package org.leveling.common.frameworks;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data of {@code org.leveling.frameworks.framework-published.v1} as consumers read it (schema:
 * docs/events/org.leveling.frameworks.framework-published.v1.json, owned by levels-service).
 */
public record FrameworkPublished(
        @NotBlank String frameworkKey,
        @NotBlank String name,
        String jobFamily,
        @NotNull @Positive Integer version,
        @NotNull Instant publishedAt,
        @NotNull JsonNode document) {

    public static final String TYPE = "org.leveling.frameworks.framework-published.v1";
    public static final String TOPIC = "leveling.levels.frameworks";
}
