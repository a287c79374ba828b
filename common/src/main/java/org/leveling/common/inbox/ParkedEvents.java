package org.leveling.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.NativeValues;
import org.leveling.common.problem.ResourceNotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The records the inbox parked, for an operator: listed with their reasons, and re-driven — applied
 * again through the same handlers, once the cause is fixed (a framework version that arrived late, a
 * person imported after the event that needed them). A re-driven record that applies leaves the list;
 * one that fails again stays, with the new reason.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final InboxProcessor processor;
    private final ObjectMapper json;
    private final ChangeRecorder changes;

    public ParkedEvents(EntityManager entityManager, InboxProcessor processor, ObjectMapper json, ChangeRecorder changes) {
        this.entityManager = entityManager;
        this.processor = processor;
        this.json = json;
        this.changes = changes;
    }

    /** A parked record as an operator sees it (the payload stays in the table). */
    public record Parked(long id, String eventId, String type, String topic, int partition, long offset, String key,
            String reason, int attempts, Instant parkedAt) {
    }

    /** What a re-drive did: APPLIED, IGNORED (no handler for its type) or DUPLICATE leave the list; PARKED stays. */
    public record Redriven(long id, String eventId, InboxProcessor.Outcome outcome, String reason) {
    }

    /** Oldest first, after the given id. */
    @Transactional
    public List<Parked> list(long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, event_id, type, topic, kafka_partition, kafka_offset, record_key, reason, attempts, parked_at
                FROM inbox_parked_event WHERE id > :after ORDER BY id LIMIT :limit
                """).setParameter("after", afterId).setParameter("limit", limit).getResultList();
        return rows.stream().map(ParkedEvents::parked).toList();
    }

    /**
     * Applies the parked record again (with the inbox's retries). Not in one transaction: the inbox
     * applies in its own, and a record that fails again is parked again in its own.
     */
    public Redriven redrive(long id) {
        Object[] row = stored(id).orElseThrow(() -> new ResourceNotFoundException("parked event", Long.toString(id)));
        String topic = (String) row[0];
        int partition = ((Number) row[1]).intValue();
        long offset = ((Number) row[2]).longValue();
        RecordHeaders headers = new RecordHeaders();
        readHeaders((String) row[4]).forEach((name, value) -> headers.add(name,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        byte[] payload = row[5] == null ? null : ((String) row[5]).getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, partition, offset,
                ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, (String) row[3], payload, headers, Optional.empty());
        InboxProcessor.Outcome outcome = processor.process(record);
        return QuarkusTransaction.requiringNew().call(() -> settle(id, (String) row[6], (String) row[7], outcome));
    }

    private Redriven settle(long id, String eventId, String reasonBefore, InboxProcessor.Outcome outcome) {
        String reason = null;
        if (outcome == InboxProcessor.Outcome.PARKED) {
            reason = stored(id).map(r -> (String) r[7]).orElse(reasonBefore);
        } else {
            entityManager.createNativeQuery("DELETE FROM inbox_parked_event WHERE id = :id").setParameter("id", id)
                    .executeUpdate();
        }
        Map<String, String> after = reason == null ? Map.of("outcome", outcome.name())
                : Map.of("outcome", outcome.name(), "reason", reason);
        changes.record(Change.of("parked-event", Long.toString(id), Map.of("reason", reasonBefore), after));
        return new Redriven(id, eventId, outcome, reason);
    }

    private Optional<Object[]> stored(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT topic, kafka_partition, kafka_offset, record_key, headers::text, payload, event_id, reason
                FROM inbox_parked_event WHERE id = :id
                """).setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    private Map<String, String> readHeaders(String stored) {
        try {
            return json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Parked parked(Object[] r) {
        return new Parked(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), (String) r[6], (String) r[7],
                ((Number) r[8]).intValue(), NativeValues.instant(r[9]));
    }
}
