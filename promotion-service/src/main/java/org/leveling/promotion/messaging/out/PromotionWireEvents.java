package org.leveling.promotion.messaging.out;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.changes.DomainEvent;
import org.leveling.common.changes.WireEvents;
import org.leveling.common.outbox.OutboxEvent;

/** promotion-service's domain events as the versioned records of its topics (docs/events/). */
@ApplicationScoped
public class PromotionWireEvents implements WireEvents {

    @Override
    public List<OutboxEvent> toWire(DomainEvent event) {
        throw new IllegalArgumentException("promotion-service does not announce " + event.getClass().getName());
    }
}
