package org.leveling.common.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Sends events as another service's outbox relay would: a CloudEvent in Kafka binary mode whose
 * payload is first checked against the producer's schema in docs/events/, so a consumer test also
 * proves the contract.
 */
public final class UpstreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private UpstreamEvents() {
    }

    /** Sends a schema-valid event with a new id; returns the id. */
    public static String send(String topic, String key, String source, String type, Object payload) {
        return send(UUID.randomUUID().toString(), topic, key, source, type, payload);
    }

    /** Sends a schema-valid event with the given id (to send a duplicate); returns the id. */
    public static String send(String eventId, String topic, String key, String source, String type, Object payload) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + payload, e);
        }
        EventSchemas.assertValid(type, json);
        KafkaTestClient.send(topic, key, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", source,
                "ce_type", type, "ce_time", Instant.now().toString(), "ce_subject", key,
                "content-type", "application/json"), json);
        return eventId;
    }
}
