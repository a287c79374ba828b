package org.leveling.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leveling.common.events.CloudEventHeaders;
import org.leveling.common.events.MessagingConfig;
import org.leveling.common.persistence.TransientDatabaseFailures;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.tracing.EventTracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies one consumed record exactly once: reads the CloudEvent, records its id in the inbox and
 * runs the handler in the same transaction (a duplicate id is skipped), retries a failing event
 * with backoff, and parks what still fails, or cannot be read, with the reason.
 */
@ApplicationScoped
public class InboxProcessor {

    /** What became of one record. */
    public enum Outcome { APPLIED, IGNORED, DUPLICATE, PARKED }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final MessagingConfig config;
    private final MeterRegistry registry;
    private final Map<String, EventHandler<?>> handlersByType;
    private final EventTracing tracing;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private static final int MAX_ATTRIBUTE_LENGTH = 255;

    public InboxProcessor(EntityManager entityManager, ObjectMapper objectMapper, Validator validator,
            MessagingConfig config, MeterRegistry registry, Instance<EventHandler<?>> handlers, EventTracing tracing) {
        this.tracing = tracing;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.config = config;
        this.registry = registry;
        this.handlersByType = handlers.stream().collect(Collectors.toMap(EventHandler::eventType, Function.identity()));
    }

    /** The topics the registered handlers consume. */
    public Set<String> topics() {
        return handlersByType.values().stream().map(EventHandler::topic).collect(Collectors.toSet());
    }

    /** Ends pending retry waits at shutdown. */
    void stop() {
        stopping.countDown();
    }

    /**
     * Processes the records of one poll, in order: in a single transaction when every one of them
     * reads and applies cleanly (the common case, and much cheaper than a commit per event),
     * otherwise each on its own with retries and parking. Throws only when the database is
     * unreachable.
     */
    public List<Outcome> processAll(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() > 1) {
            try {
                List<ReceivedEvent> events = records.stream().map(this::read).toList();
                List<Outcome> outcomes = QuarkusTransaction.requiringNew()
                        .call(() -> events.stream().map(this::applyOnce).toList());
                for (int i = 0; i < records.size(); i++) {
                    count(records.get(i), outcomes.get(i));
                }
                return outcomes;
            } catch (RuntimeException e) {
                // Something in the batch is unreadable or failed, and the transaction rolled back:
                // apply one by one so that only the culprit is retried and parked.
                Log.debugf("Batch of %d records falls back to one by one: %s", records.size(), e.getMessage());
            }
        }
        return records.stream().map(this::process).toList();
    }

    /** Processes one record; never throws, so one bad record cannot stall its partition. */
    public Outcome process(ConsumerRecord<String, byte[]> record) {
        Outcome outcome;
        ReceivedEvent event = null;
        try {
            event = read(record);
            outcome = applyWithRetries(record, event);
        } catch (UnprocessableEventException e) {
            park(record, event, e.getMessage(), event == null ? 0 : 1);
            outcome = Outcome.PARKED;
        }
        count(record, outcome);
        return outcome;
    }

    private void count(ConsumerRecord<String, byte[]> record, Outcome outcome) {
        registry.counter("leveling.inbox.events", "topic", record.topic(), "outcome", outcome.name().toLowerCase())
                .increment();
    }

    private Outcome applyWithRetries(ConsumerRecord<String, byte[]> record, ReceivedEvent event) {
        int maxAttempts = Math.max(1, config.inbox().maxAttempts());
        Duration wait = config.inbox().retryBackoff();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(event));
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e instanceof ProblemException refused && refused.status() < 500) {
                    // The domain refused the event (its data breaks a rule): no retry can change that.
                    throw new UnprocessableEventException("refused: " + refused.getMessage() + refused.violations()
                            .stream().map(v -> " " + v.field() + " " + v.message()).collect(Collectors.joining(";")));
                }
                last = e;
                Log.warnf("Applying event %s (%s) failed, attempt %d of %d: %s", event.id(), event.type(), attempt,
                        maxAttempts, e.getMessage());
                if (attempt < maxAttempts && !waitBeforeRetry(wait)) {
                    // Shutting down: leave the record unprocessed (and its offset uncommitted).
                    throw new IllegalStateException("stopped while retrying event " + event.id(), e);
                }
                wait = wait.multipliedBy(2);
            }
        }
        if (TransientDatabaseFailures.isTransient(last)) {
            // The database, not the event, is the problem: do not park a valid event; the consumer
            // rewinds and tries again after a pause.
            throw last;
        }
        park(record, event, "failed after " + maxAttempts + " attempts: " + describe(last), maxAttempts);
        return Outcome.PARKED;
    }

    private Outcome applyOnce(ReceivedEvent event) {
        EventHandler<?> handler = handlersByType.get(event.type());
        Outcome outcome = handler == null ? Outcome.IGNORED : Outcome.APPLIED;
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_processed_event (event_id, type, source, topic, kafka_partition, kafka_offset, outcome)
                VALUES (:id, :type, :source, :topic, :partition, :offset, :outcome)
                ON CONFLICT (event_id) DO UPDATE SET outcome = EXCLUDED.outcome, processed_at = now()
                -- Seen before without a handler: a replay after the service learnt the type applies it now.
                WHERE inbox_processed_event.outcome = 'IGNORED' AND EXCLUDED.outcome = 'APPLIED'
                """)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("topic", event.topic())
                .setParameter("partition", event.partition())
                .setParameter("offset", event.offset())
                .setParameter("outcome", outcome.name())
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        if (handler != null) {
            tracing.handling(event.traceContext(), event.topic(), event.id(), event.type(), () -> {
                applyTyped(handler, event);
                return null;
            });
        }
        return outcome;
    }

    private <T> void applyTyped(EventHandler<T> handler, ReceivedEvent event) {
        T payload;
        try {
            // Producers may add optional fields within a version: consumers ignore what they do not know.
            payload = objectMapper.readerFor(handler.payloadType())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .treeToValue(event.data(), handler.payloadType());
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("data does not match " + event.type() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("data does not match " + event.type() + ": " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException("data of " + event.type() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        handler.apply(event, payload);
    }

    private ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = CloudEventHeaders.read(record.headers());
        String id = headers.get(CloudEventHeaders.ID);
        String type = headers.get(CloudEventHeaders.TYPE);
        String source = headers.get(CloudEventHeaders.SOURCE);
        if (isBlank(id) || isBlank(type) || isBlank(source)) {
            throw new UnprocessableEventException("not a CloudEvent: ce_id, ce_type and ce_source headers are required");
        }
        // What the inbox stores must fit its columns and be storable text at all.
        for (String attribute : new String[] {id, type, source, record.key()}) {
            if (attribute != null && (attribute.length() > MAX_ATTRIBUTE_LENGTH || attribute.indexOf('\u0000') >= 0)) {
                throw new UnprocessableEventException("a CloudEvents attribute or the key is longer than "
                        + MAX_ATTRIBUTE_LENGTH + " characters or contains NUL");
            }
        }
        if (record.value() == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = objectMapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new UnprocessableEventException("event " + id + " data is not JSON");
        }
        return new ReceivedEvent(id, source, type, headers.get(CloudEventHeaders.SUBJECT),
                headers.get(CloudEventHeaders.TIME), record.topic(), record.partition(), record.offset(), record.key(),
                data, EventTracing.contextOf(record.headers()));
    }

    private void park(ConsumerRecord<String, byte[]> record, ReceivedEvent event, String reason, int attempts) {
        Log.errorf("Parking record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        String headers;
        try {
            Map<String, String> received = new java.util.LinkedHashMap<>();
            CloudEventHeaders.read(record.headers()).forEach((name, value) -> received.put(storable(name, 255),
                    value == null ? null : storable(value, 2000)));
            headers = objectMapper.writeValueAsString(received);
        } catch (JsonProcessingException e) {
            headers = "{}";
        }
        String storedHeaders = headers;
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO inbox_parked_event (event_id, type, topic, kafka_partition, kafka_offset, record_key,
                                                headers, payload, reason, attempts)
                VALUES (:id, :type, :topic, :partition, :offset, :key, CAST(:headers AS jsonb), :payload, :reason, :attempts)
                ON CONFLICT (topic, kafka_partition, kafka_offset) DO UPDATE SET reason = EXCLUDED.reason,
                    attempts = inbox_parked_event.attempts + EXCLUDED.attempts, parked_at = now()
                """)
                .setParameter("id", event == null ? null : storable(event.id(), 255))
                .setParameter("type", event == null ? null : storable(event.type(), 255))
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", storable(record.key(), 1000))
                .setParameter("headers", storedHeaders)
                .setParameter("payload", record.value() == null ? null
                        : storable(new String(record.value(), StandardCharsets.UTF_8), 1_000_000))
                .setParameter("reason", storable(reason, 2000))
                .setParameter("attempts", attempts)
                .executeUpdate());
    }

    /** Text PostgreSQL can store (no NUL), cut to {@code max} characters: a parked record must always fit. */
    private static String storable(String text, int max) {
        String clean = text == null ? null : text.replace("\u0000", "\\u0000");
        return clean == null || clean.length() <= max ? clean : clean.substring(0, max);
    }

    private boolean waitBeforeRetry(Duration wait) {
        try {
            return !stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(RuntimeException e) {
        if (e == null) {
            return "stopped";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
