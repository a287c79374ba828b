package org.leveling.common.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent as consumed from Kafka: its attributes, where it was read, and its JSON data.
 */
public record ReceivedEvent(String id, String source, String type, String subject, String time,
        String topic, int partition, long offset, String key, JsonNode data) {
}
