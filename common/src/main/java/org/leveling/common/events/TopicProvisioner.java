package org.leveling.common.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * Creates the topics this service publishes to or consumes when they are missing, with the
 * configured partitions. Runs from the relay and the consumer threads, never from startup, so a
 * service boots while Kafka is down and provisions once it is back.
 */
@ApplicationScoped
public class TopicProvisioner {

    private final MessagingConfig config;
    private final String bootstrapServers;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(MessagingConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Ensures the configured topics exist; throws when Kafka cannot be reached, so the caller backs off. */
    public void ensureTopics() throws InterruptedException {
        ensureTopics(Set.of());
    }

    /** Ensures the configured topics and {@code more} (e.g. the topics a consumer subscribes to) exist. */
    public synchronized void ensureTopics(Set<String> more) throws InterruptedException {
        Set<String> names = new TreeSet<>(config.topics().provision().orElse(List.of()));
        names.addAll(more);
        names.removeAll(provisioned);
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(config.topics().partitions()),
                            config.topics().replicationFactor()))
                    .toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(10, TimeUnit.SECONDS);
                    Log.infof("Created topic %s with %d partitions", result.getKey(), config.topics().partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            provisioned.addAll(names);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka topics could not be provisioned: " + e.getMessage(), e);
        }
    }
}
