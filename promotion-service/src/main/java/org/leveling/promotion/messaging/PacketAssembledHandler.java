package org.leveling.promotion.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.common.inbox.UnprocessableEventException;
import org.leveling.promotion.domain.nomination.CasePackets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The promotion side of the packet saga: evidence-service's packet-assembled becomes the frozen
 * packet of the nomination, kept whole as evidence-service sent it, and the case enters review.
 */
@ApplicationScoped
public class PacketAssembledHandler implements EventHandler<PacketAssembledHandler.PacketAssembled> {

    public static final String TYPE = "org.leveling.evidence.packet-assembled.v1";

    /** The part read to route the packet; the whole payload is kept (schema: docs/events/org.leveling.evidence.packet-assembled.v1.json). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PacketAssembled(@NotBlank String nominationId, @NotBlank String candidateId,
            List<CompetencyReadiness> competencies, List<PacketEvidence> evidence) {

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
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompetencyReadiness(String competency, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PacketEvidence(String evidenceId) {
    }

    private final CasePackets packets;

    public PacketAssembledHandler(CasePackets packets) {
        this.packets = packets;
    }

    @Override
    public String topic() {
        return Topics.EVIDENCE;
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Class<PacketAssembled> payloadType() {
        return PacketAssembled.class;
    }

    @Override
    public void apply(ReceivedEvent event, PacketAssembled payload) {
        if (!packets.received(payload.nominationId(), event.data().toString(), payload.readinessScore(),
                payload.evidenceIds(), event.causeBy("evidence-service"))) {
            throw new UnprocessableEventException("a packet for nomination " + payload.nominationId() + ", unknown here");
        }
    }
}
