package org.leveling.common.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.persistence.Jdbc;
import org.leveling.common.tracing.EventTracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records events in the outbox table inside the caller's transaction: the change and its events
 * commit together or not at all. The relay publishes them after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Event<OutboxRecorded> recorded;
    private final Clock clock;
    private final EventTracing tracing;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper, Event<OutboxRecorded> recorded, Clock clock,
            EventTracing tracing) {
        this.tracing = tracing;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.recorded = recorded;
        this.clock = clock;
    }

    /** Records one event; returns its id (the CloudEvents id). Must run inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutboxEvent event) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = objectMapper.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + event.type() + " is not serialisable", e);
        }
        // Events of one aggregate must enter the outbox in commit order, even for a caller that did not
        // lock the aggregate itself: the row (and its seq) is made only once this transaction holds the
        // aggregate's lock, which a concurrent writer of the same aggregate keeps until it commits. Lock
        // and insert are one statement, so one round trip.
        Jdbc.update(entityManager, """
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp", topic,
                                          tracingspancontext)
                SELECT ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?
                FROM (SELECT pg_advisory_xact_lock(hashtext(? || ':' || ?))) AS serialised
                """, id, event.aggregateType(), event.aggregateId(), event.type(), payload, clock.instant(),
                event.topic(), EventTracing.stored(tracing.currentContext()), event.aggregateType(), event.aggregateId());
        recorded.fire(new OutboxRecorded(id));
        return id;
    }
}
