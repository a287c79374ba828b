package org.leveling.common.changes;

import java.util.Objects;

/**
 * The consumed event behind a change that no API call made: the service that produced it, its
 * CloudEvents type and id. The audit row names the producer as the actor.
 */
public record EventCause(String producer, String eventType, String eventId) {

    public EventCause {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventId, "eventId");
    }
}
