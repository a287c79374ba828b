package org.leveling.evidence.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.evidence.domain.PacketService;

/** A member who recused themselves from a case no longer reads its candidate's evidence. */
@ApplicationScoped
public class RecusalDeclaredHandler implements EventHandler<RecusalDeclared> {

    private final PacketService packets;

    public RecusalDeclaredHandler(PacketService packets) {
        this.packets = packets;
    }

    @Override
    public String topic() {
        return NominationSubmitted.TOPIC;
    }

    @Override
    public String eventType() {
        return RecusalDeclared.TYPE;
    }

    @Override
    public Class<RecusalDeclared> payloadType() {
        return RecusalDeclared.class;
    }

    @Override
    public void apply(ReceivedEvent event, RecusalDeclared payload) {
        packets.recusalDeclared(payload, event.id());
    }
}
