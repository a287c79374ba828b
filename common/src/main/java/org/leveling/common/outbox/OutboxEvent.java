package org.leveling.common.outbox;

import java.util.Objects;

/**
 * An event a domain change causes, on its way to Kafka. {@code payload} is serialised as JSON and
 * must match the type's JSON Schema in docs/events/.
 *
 * @param topic the Kafka topic, e.g. {@code leveling.levels.people}
 * @param aggregateType e.g. {@code person}
 * @param aggregateId the Kafka key and the CloudEvents subject; events of one aggregate keep their order
 * @param type the CloudEvents type, e.g. {@code org.leveling.people.person-upserted.v1}
 * @param payload an event record
 */
public record OutboxEvent(String topic, String aggregateType, String aggregateId, String type, Object payload) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
