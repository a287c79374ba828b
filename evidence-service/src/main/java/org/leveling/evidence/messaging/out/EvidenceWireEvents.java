package org.leveling.evidence.messaging.out;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.changes.DomainEvent;
import org.leveling.common.changes.WireEvents;
import org.leveling.common.outbox.OutboxEvent;

/** evidence-service's domain events as the versioned records of its topics (docs/events/). */
@ApplicationScoped
public class EvidenceWireEvents implements WireEvents {

    @Override
    public List<OutboxEvent> toWire(DomainEvent event) {
        throw new IllegalArgumentException("evidence-service does not announce " + event.getClass().getName());
    }
}
