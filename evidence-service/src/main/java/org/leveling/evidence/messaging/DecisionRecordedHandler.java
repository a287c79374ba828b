package org.leveling.evidence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.evidence.domain.PacketService;

/** A decided nomination ends its committee's access to the candidate's evidence. */
@ApplicationScoped
public class DecisionRecordedHandler implements EventHandler<DecisionRecorded> {

    private final PacketService packets;

    public DecisionRecordedHandler(PacketService packets) {
        this.packets = packets;
    }

    @Override
    public String topic() {
        return NominationSubmitted.TOPIC;
    }

    @Override
    public String eventType() {
        return DecisionRecorded.TYPE;
    }

    @Override
    public Class<DecisionRecorded> payloadType() {
        return DecisionRecorded.class;
    }

    @Override
    public void apply(ReceivedEvent event, DecisionRecorded payload) {
        packets.caseEnded(payload.nominationId(), DecisionRecorded.TYPE, event.id());
    }
}
