package org.leveling.promotion.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.changes.EventCause;
import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.UnprocessableEventException;
import org.leveling.promotion.domain.nomination.CaseEligibility;
import org.leveling.promotion.domain.nomination.CasePackets;
import org.leveling.promotion.messaging.Topics;

/**
 * What promotion-service takes from evidence-service: the packet of a submitted nomination (the
 * promotion side of the packet saga: kept whole as evidence-service sent it, and the case enters
 * review), and the acknowledgements and endorsements after which the attester of evidence in an
 * open case's packet is conflicted on it.
 */
@ApplicationScoped
public class EvidenceEvents {

    private static final String PRODUCER = "evidence-service";

    @Produces
    @ApplicationScoped
    EventHandler<PacketAssembled> packetAssembled(CasePackets packets) {
        return EventHandler.of(Topics.EVIDENCE, PacketAssembled.TYPE, PacketAssembled.class, (event, packet) -> {
            if (!packets.received(packet.nominationId(), event.data().toString(), packet.readinessScore(),
                    packet.evidenceIds(), event.causeBy(PRODUCER))) {
                throw new UnprocessableEventException("a packet for nomination " + packet.nominationId()
                        + ", unknown here");
            }
        });
    }

    @Produces
    @ApplicationScoped
    EventHandler<EvidenceAttested> acknowledged(CaseEligibility eligibility) {
        return attestation(eligibility, EvidenceAttested.ACKNOWLEDGED, "ACKNOWLEDGED");
    }

    @Produces
    @ApplicationScoped
    EventHandler<EvidenceAttested> endorsed(CaseEligibility eligibility) {
        return attestation(eligibility, EvidenceAttested.ENDORSED, "ENDORSED");
    }

    private static EventHandler<EvidenceAttested> attestation(CaseEligibility eligibility, String type, String kind) {
        return EventHandler.of(Topics.EVIDENCE, type, EvidenceAttested.class, (event, attested) ->
                eligibility.evidenceAttested(attested.evidenceId(), attested.attesterId(), kind, attested.attestedAt(),
                        new EventCause(PRODUCER, type, event.id())));
    }
}
