package org.leveling.common.changes;

import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * How a service announces its domain events: the versioned wire records (topic, key, CloudEvents
 * type, payload matching its JSON Schema in docs/events/) each one becomes. One bean per service,
 * in its {@code messaging.out} package; the domain never sees the wire records.
 */
public interface WireEvents {

    /**
     * The outbox events {@code event} becomes, in order; empty for an event no other service hears
     * of. An event type the service does not know is a programming error
     * ({@link IllegalArgumentException}).
     */
    List<OutboxEvent> toWire(DomainEvent event);
}
