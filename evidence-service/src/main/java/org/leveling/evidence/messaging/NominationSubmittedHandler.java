package org.leveling.evidence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.evidence.domain.PacketService;

/** The evidence side of the packet saga: a submitted nomination gets its committee's access and its packet. */
@ApplicationScoped
public class NominationSubmittedHandler implements EventHandler<NominationSubmitted> {

    private final PacketService packets;

    public NominationSubmittedHandler(PacketService packets) {
        this.packets = packets;
    }

    @Override
    public String topic() {
        return NominationSubmitted.TOPIC;
    }

    @Override
    public String eventType() {
        return NominationSubmitted.TYPE;
    }

    @Override
    public Class<NominationSubmitted> payloadType() {
        return NominationSubmitted.class;
    }

    @Override
    public void apply(ReceivedEvent event, NominationSubmitted payload) {
        packets.nominationSubmitted(payload, event.id());
    }
}
