package org.leveling.common.frameworks;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Data of {@code org.leveling.frameworks.framework-retired.v1} as consumers read it (schema:
 * docs/events/org.leveling.frameworks.framework-retired.v1.json, owned by levels-service).
 */
public record FrameworkRetired(@NotBlank String frameworkKey, @NotNull @Positive Integer version,
        @NotNull Instant retiredAt) {

    public static final String TYPE = "org.leveling.frameworks.framework-retired.v1";
}
