package org.leveling.promotion.messaging.in;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.promotion.calibration.CalibrationChanged;
import org.leveling.promotion.calibration.LiveCalibration;
import org.leveling.promotion.messaging.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds the live calibration dashboards of this instance from leveling.promotions. Unlike the inbox,
 * it joins no consumer group: each instance assigns itself every partition and reads from the end,
 * so every instance hears every change and can tell the browsers connected to it. It applies nothing
 * and commits nothing; a change it missed while down is read by the browsers when they reconnect.
 */
@ApplicationScoped
public class LiveCalibrationFeed {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Map<String, String> CHANGES = Map.of(
            "org.leveling.promotions.nomination-submitted.v1", "SUBMITTED",
            "org.leveling.promotions.nomination-withdrawn.v1", "WITHDRAWN",
            "org.leveling.promotions.decision-recorded.v1", "DECIDED",
            "org.leveling.promotions.appeal-decided.v1", "APPEAL_DECIDED");

    private final LiveCalibration live;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private final boolean enabled;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public LiveCalibrationFeed(LiveCalibration live, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "leveling.calibration.live-feed.enabled", defaultValue = "true") boolean enabled) {
        this.live = live;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::feedUntilStopped, "live-calibration-feed");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void feedUntilStopped() {
        try {
            while (running) {
                try {
                    feedWithOneClient();
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    Log.warnf("Live calibration feed interrupted (%s); starting again in %d s", e.toString(),
                            BACKOFF.toSeconds());
                    stopping.await(BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feedWithOneClient() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config())) {
            consumer = kafka;
            if (!running) {
                return;
            }
            // The topic may not exist yet on a fresh cluster: the relay or the provisioner creates it.
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.PROMOTIONS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(Topics.PROMOTIONS + " has no partitions yet");
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            Log.infof("Live calibration feed reads %d partitions of %s", partitions.size(), Topics.PROMOTIONS);
            while (running) {
                kafka.poll(POLL).forEach(this::announce);
            }
        } finally {
            consumer = null;
        }
    }

    private void announce(ConsumerRecord<String, String> record) {
        String change = CHANGES.get(header(record, "ce_type"));
        if (change == null) {
            return;
        }
        try {
            JsonNode data = json.readTree(record.value());
            String cycleId = data.path("cycleId").asText(null);
            String time = header(record, "ce_time");
            if (cycleId != null) {
                live.changed(new CalibrationChanged(cycleId, change,
                        time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time)));
            }
        } catch (Exception e) {
            // A record this feed cannot read moves no dashboard; the inbox and the topics keep it.
            Log.debugf("Live calibration feed skipped %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "live-calibration-feed");
        return config;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
