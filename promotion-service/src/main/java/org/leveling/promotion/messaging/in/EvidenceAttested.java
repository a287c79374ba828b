package org.leveling.promotion.messaging.in;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of {@code org.leveling.evidence.acknowledged.v1} / {@code .endorsed.v1} read here
 * (schemas in docs/events/, produced by evidence-service).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceAttested(@NotBlank String evidenceId, @NotBlank String attesterId,
        @NotNull Instant attestedAt) {

    public static final String ACKNOWLEDGED = "org.leveling.evidence.acknowledged.v1";
    public static final String ENDORSED = "org.leveling.evidence.endorsed.v1";
}
