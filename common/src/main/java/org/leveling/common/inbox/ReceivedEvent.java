package org.leveling.common.inbox;

import java.util.Map;

import org.leveling.common.changes.EventCause;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent as consumed from Kafka: its attributes, where it was read, its JSON data and the
 * W3C trace context it was published in ({@code traceparent}, {@code tracestate}; empty if none).
 */
public record ReceivedEvent(String id, String source, String type, String subject, String time,
        String topic, int partition, long offset, String key, JsonNode data, Map<String, String> traceContext) {

    /** This event as the cause of a change, for the audit trail, naming the service that produced it. */
    public EventCause causeBy(String producer) {
        return new EventCause(producer, type, id);
    }
}
