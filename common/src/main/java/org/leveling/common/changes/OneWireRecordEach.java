package org.leveling.common.changes;

import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * The {@link WireEvents} of a service that announces every one of its domain events, each as
 * exactly one wire record: the service says only which record that is.
 */
public abstract class OneWireRecordEach implements WireEvents {

    @Override
    public List<OutboxEvent> toWire(DomainEvent event) {
        return List.of(wireRecordOf(event));
    }

    /**
     * The wire record {@code event} becomes; an event type the service does not know is a
     * programming error ({@link IllegalArgumentException}).
     */
    protected abstract OutboxEvent wireRecordOf(DomainEvent event);
}
