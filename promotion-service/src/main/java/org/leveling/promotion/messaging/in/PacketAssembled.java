package org.leveling.promotion.messaging.in;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Data of {@code org.leveling.evidence.packet-assembled.v1}: the part read to route the packet; the
 * whole payload is kept (schema: docs/events/org.leveling.evidence.packet-assembled.v1.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PacketAssembled(@NotBlank String nominationId, @NotBlank String candidateId,
        List<CompetencyReadiness> competencies, List<PacketEvidence> evidence) {

    public static final String TYPE = "org.leveling.evidence.packet-assembled.v1";

    /** The ids of the evidence in the packet: whoever attested one of them is conflicted on the case. */
    public List<String> evidenceIds() {
        return evidence == null ? List.of() : evidence.stream().map(PacketEvidence::evidenceId)
                .filter(id -> id != null).distinct().toList();
    }

    /**
     * The share of the target level's competencies the packet shows as READY, to four places; null
     * when the packet lists none. Calibration averages it (docs/services/promotion-service.md).
     */
    public BigDecimal readinessScore() {
        if (competencies == null || competencies.isEmpty()) {
            return null;
        }
        long ready = competencies.stream().filter(c -> "READY".equals(c.status())).count();
        return BigDecimal.valueOf(ready).divide(BigDecimal.valueOf(competencies.size()), 4, RoundingMode.HALF_UP);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompetencyReadiness(String competency, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PacketEvidence(String evidenceId) {
    }
}
