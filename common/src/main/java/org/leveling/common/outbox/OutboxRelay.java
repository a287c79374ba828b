package org.leveling.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.events.CloudEventHeaders;
import org.leveling.common.events.MessagingConfig;
import org.leveling.common.events.TopicProvisioner;
import org.leveling.common.persistence.Jdbc;
import org.leveling.common.persistence.SchemaMigration;
import org.leveling.common.tracing.EventTracing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent.
 *
 * <ul>
 * <li>Woken right after each commit that recorded an event; polls as a fallback (rows written by
 * another instance, or left from before a restart).</li>
 * <li>One relay at a time per schema: each batch runs under a transaction-scoped PostgreSQL
 * advisory lock, so two instances of a service never publish the same rows or reorder them.</li>
 * <li>Idempotent producer with {@code acks=all}; rows are marked sent only up to the first one
 * Kafka did not acknowledge. While Kafka is down the relay backs off (doubling up to a maximum)
 * and catches up when it returns. A crash between publishing and marking re-sends rows with the
 * same {@code ce_id}, which consumers' inboxes skip.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final MessagingConfig config;
    private final SchemaMigration schema;
    private final EntityManager entityManager;
    private final TopicProvisioner topics;
    private final EventTracing tracing;
    private final String bootstrapServers;
    private final String clientId;
    private final Semaphore wakeups = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(MessagingConfig config, EntityManager entityManager, TopicProvisioner topics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, MeterRegistry registry,
            SchemaMigration schema, EventTracing tracing) {
        this.schema = schema;
        this.tracing = tracing;
        this.config = config;
        this.entityManager = entityManager;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox-relay";
        this.published = Counter.builder("leveling.outbox.published").description("Outbox events published to Kafka")
                .register(registry);
        this.failures = Counter.builder("leveling.outbox.publish.failures")
                .description("Relay rounds that Kafka or the database refused").register(registry);
        registry.gauge("leveling.outbox.pending", pending);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().enabled()) {
            Log.info("Outbox relay disabled (leveling.messaging.outbox.enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        stopping.countDown();
        wakeups.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    /** Wakes the relay once the transaction that wrote an outbox row has committed. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        wakeups.release();
    }

    private void relayUntilStopped() {
        Duration backoff = config.outbox().initialBackoff();
        boolean failing = false;
        Instant nextCleanup = Instant.now();
        // Start of the last round that published: only those count for the batch interval.
        long lastPublishStarted = System.nanoTime() - config.outbox().batchInterval().toNanos();
        try {
            if (!schema.awaitMigrated()) {
                return;
            }
            while (running) {
                try {
                    topics.ensureTopics();
                    // Ready before the first event: initialising a transactional producer takes seconds.
                    producer();
                    long started = System.nanoTime();
                    int sent = relayBatch();
                    if (sent > 0) {
                        lastPublishStarted = started;
                    }
                    if (failing) {
                        Log.info("Outbox relay publishes again");
                        failing = false;
                    }
                    backoff = config.outbox().initialBackoff();
                    if (sent >= config.outbox().batchSize()) {
                        continue;
                    }
                    if (Instant.now().isAfter(nextCleanup)) {
                        deleteSentRowsPastRetention();
                        nextCleanup = Instant.now().plus(CLEANUP_INTERVAL);
                    }
                    if (wakeups.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // A Kafka transaction costs the broker and the relay milliseconds of CPU whatever it
                        // carries: under load, the commits of one interval share one; after a quiet period
                        // the interval is over already and the commit is published at once.
                        long early = config.outbox().batchInterval().toNanos() - (System.nanoTime() - lastPublishStarted);
                        if (early > 0) {
                            stopping.await(early, TimeUnit.NANOSECONDS);
                        }
                        // One scan serves every commit that happened meanwhile.
                        wakeups.drainPermits();
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures.increment();
                    if (!failing) {
                        Log.warnf("Outbox relay cannot publish, retrying with backoff: %s", e.getMessage());
                        failing = true;
                    }
                    closeProducer();
                    stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
                    backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeProducer();
        }
    }

    /**
     * Publishes one batch of unsent rows in write order; returns how many were marked sent. Returns
     * 0 without publishing while another relay (another instance of this service) holds the outbox.
     */
    public int relayBatch() {
        int sent = QuarkusTransaction.requiringNew().call(() -> {
            boolean leader = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                    .getSingleResult();
            if (!leader) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT id, aggregateid, type, payload::text, topic,
                           to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), tracingspancontext
                    FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT :limit
                    """).setParameter("limit", config.outbox().batchSize()).getResultList();
            if (rows.isEmpty()) {
                pending.set(0);
                return 0;
            }
            publishAsOneKafkaTransaction(rows);
            // One statement text whatever the batch size, so the server prepares and plans it once.
            Jdbc.update(entityManager, "UPDATE outbox_event SET sent_at = now() WHERE id = ANY(?)",
                    (Object) rows.stream().map(row -> (UUID) row[0]).toArray(UUID[]::new));
            // A short batch held every unsent row; only a full one needs counting what is left.
            pending.set(rows.size() < config.outbox().batchSize() ? 0
                    : ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
                            .getSingleResult()).longValue());
            return rows.size();
        });
        published.increment(sent);
        return sent;
    }

    /**
     * Sends the rows in one Kafka transaction: consumers reading committed data (the inbox does)
     * see the whole batch or none of it. A failed batch is retried whole, with the same ids, so
     * a later event of a key can never become visible before an earlier one.
     */
    private void publishAsOneKafkaTransaction(List<Object[]> rows) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<Span> spans = new ArrayList<>();
        try {
            kafka.beginTransaction();
            for (Object[] row : rows) {
                kafka.send(toRecord(row, spans));
            }
            kafka.commitTransaction();
            spans.forEach(Span::end);
        } catch (KafkaException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getMessage()).end());
            try {
                kafka.abortTransaction();
            } catch (KafkaException | IllegalStateException ignored) {
                // The producer is unusable anyway; it is replaced below.
            }
            closeProducer();
            throw new IllegalStateException("Kafka refused a batch of " + rows.size() + " events: " + e.getMessage(), e);
        }
    }

    /** The record of one row; a row written inside a trace is published in a span that continues it. */
    private ProducerRecord<String, byte[]> toRecord(Object[] row, List<Span> spans) {
        String id = row[0].toString();
        String aggregateId = (String) row[1];
        String type = (String) row[2];
        byte[] payload = ((String) row[3]).getBytes(StandardCharsets.UTF_8);
        String topic = (String) row[4];
        String time = (String) row[5];
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, aggregateId, payload);
        CloudEventHeaders.write(record.headers(), id, config.source(), type, time, aggregateId);
        Map<String, String> traceContext = EventTracing.fromStored((String) row[6]);
        if (!traceContext.isEmpty()) {
            spans.add(tracing.startPublishing(traceContext, topic, id, record.headers()));
        }
        return record;
    }

    private void deleteSentRowsPastRetention() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => :seconds)")
                .setParameter("seconds", (double) config.outbox().retention().toSeconds())
                .executeUpdate());
        if (deleted > 0) {
            Log.debugf("Deleted %d sent outbox rows past retention", deleted);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, clientId,
                    // One id per service: a relay taking over (another instance) fences the old one.
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.outbox().transactionalId(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    // Fail fast while Kafka is down: the relay's own backoff takes over.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000),
                    new StringSerializer(), new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

}
