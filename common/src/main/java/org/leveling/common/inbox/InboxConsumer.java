package org.leveling.common.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.events.MessagingConfig;
import org.leveling.common.events.TopicProvisioner;
import org.leveling.common.persistence.SchemaMigration;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Consumes the topics of this service's {@link EventHandler}s in one consumer group and hands
 * each record to the {@link InboxProcessor}. Offsets are committed after records are processed
 * (at-least-once); the inbox makes redelivery harmless. Starts only when the service has handlers.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final InboxProcessor processor;
    private final SchemaMigration schema;
    private final TopicProvisioner topics;
    private final MessagingConfig config;
    private final String bootstrapServers;
    private final AtomicLong lag = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    public InboxConsumer(InboxProcessor processor, TopicProvisioner topics, MessagingConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry,
            SchemaMigration schema) {
        this.schema = schema;
        this.processor = processor;
        this.topics = topics;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        registry.gauge("leveling.inbox.lag", lag);
    }

    void start(@Observes StartupEvent startup) {
        Set<String> subscribed = processor.topics();
        if (!config.inbox().enabled() || subscribed.isEmpty()) {
            return;
        }
        running = true;
        worker = new Thread(() -> consumeUntilStopped(subscribed), "inbox-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        stopping.countDown();
        processor.stop();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    private void consumeUntilStopped(Set<String> subscribed) {
        try {
            if (!schema.awaitMigrated()) {
                return;
            }
            awaitTopics(subscribed);
            while (running) {
                try {
                    consumeWithOneClient(subscribed);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // Whatever broke the client (a fatal Kafka error, a rebalance gone wrong): the thread
                    // must not die silently. Start over with a fresh client from the committed offsets.
                    Log.errorf(e, "Inbox consumer failed; restarting it in %d s", FAILURE_BACKOFF.toSeconds());
                    stopping.await(FAILURE_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consumeWithOneClient(Set<String> subscribed) throws InterruptedException {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            if (!running) {
                return;
            }
            kafka.subscribe(List.copyOf(subscribed));
            Log.infof("Inbox consumer %s subscribed to %s", config.inbox().groupId(), subscribed);
            Map<TopicPartition, Long> committed = new HashMap<>();
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(config.inbox().pollTimeout());
                if (processBatch(kafka, records)) {
                    commitPositions(kafka, committed);
                }
                lag.set(currentLag(kafka));
            }
        } finally {
            consumer = null;
        }
    }

    /** Applies what the poll returned; false when the database failed and the batch was rewound. */
    private boolean processBatch(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records)
            throws InterruptedException {
        if (records.isEmpty()) {
            return true;
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            processor.processAll(batch);
            return true;
        } catch (RuntimeException e) {
            // The database is unreachable (processing itself never throws): rewind the batch and try
            // again after a pause. Records already applied are skipped by the inbox then.
            Log.warnf("Inbox consumer paused: %s", e.getMessage());
            for (TopicPartition partition : records.partitions()) {
                // A partition revoked meanwhile is someone else's now; it resumes from its committed offset.
                if (kafka.assignment().contains(partition)) {
                    kafka.seek(partition, records.records(partition).get(0).offset());
                }
            }
            stopping.await(FAILURE_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        }
    }

    /**
     * Commits the consumer's position in each assigned partition where it moved: past the records
     * just applied, and also past the transaction markers the relay's producer writes after them,
     * which a poll skips without returning anything. Committing "last record + 1" instead would
     * leave every partition one behind its end offset forever, and lag alerts useless.
     */
    private static void commitPositions(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> committed) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            long position = kafka.position(partition);
            if (!Long.valueOf(position).equals(committed.get(partition))) {
                next.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!next.isEmpty()) {
            kafka.commitSync(next);
            next.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        }
    }

    /** Waits until the subscribed topics exist, so the first poll does not race their creation. */
    private void awaitTopics(Set<String> subscribed) throws InterruptedException {
        while (running) {
            try {
                topics.ensureTopics(subscribed);
                return;
            } catch (RuntimeException e) {
                Log.warnf("Inbox consumer waiting for Kafka: %s", e.getMessage());
                stopping.await(FAILURE_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.inbox().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, config.inbox().groupId() + "-inbox",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                // A fetch that excludes a partition (its records were still buffered) can park new
                // records of that partition for the whole wait: keep it short for low latency.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    }

    private static long currentLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        return total;
    }
}
