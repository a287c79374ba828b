package org.leveling.evidence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.evidence.domain.PacketService;

/** A withdrawn nomination ends its committee's access to the candidate's evidence. */
@ApplicationScoped
public class NominationWithdrawnHandler implements EventHandler<NominationWithdrawn> {

    private final PacketService packets;

    public NominationWithdrawnHandler(PacketService packets) {
        this.packets = packets;
    }

    @Override
    public String topic() {
        return NominationSubmitted.TOPIC;
    }

    @Override
    public String eventType() {
        return NominationWithdrawn.TYPE;
    }

    @Override
    public Class<NominationWithdrawn> payloadType() {
        return NominationWithdrawn.class;
    }

    @Override
    public void apply(ReceivedEvent event, NominationWithdrawn payload) {
        packets.caseEnded(payload.nominationId(), NominationWithdrawn.TYPE, event.id());
    }
}
