package org.leveling.evidence.messaging.in;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of {@code org.leveling.promotions.eligibility-changed.v1} read here (schema:
 * docs/events/org.leveling.promotions.eligibility-changed.v1.json, produced by promotion-service):
 * members who became conflicted on a case lose their access to the candidate's evidence.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EligibilityChanged(@NotBlank String nominationId, @NotNull List<@Valid Removed> removed,
        @NotNull Instant changedAt) {

    public static final String TYPE = "org.leveling.promotions.eligibility-changed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Removed(@NotBlank String memberId, String reason) {
    }
}
