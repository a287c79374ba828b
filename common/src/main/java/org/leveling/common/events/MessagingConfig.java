package org.leveling.common.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay, the inbox consumer and topic provisioning ({@code leveling.messaging.*}). */
@ConfigMapping(prefix = "leveling.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    Topics topics();

    Outbox outbox();

    Inbox inbox();

    interface Topics {
        /** Topics this service publishes to or consumes, created at startup when missing. */
        Optional<List<String>> provision();

        @WithDefault("3")
        int partitions();

        /** Unset: the broker's default.replication.factor (what a production cluster should decide). */
        Optional<Short> replicationFactor();
    }

    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows when no commit woke it (other instances, restarts). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /**
         * Least time between the starts of two batches. A commit after a quiet period is published at
         * once; under load the events committed within one interval share one Kafka transaction,
         * whose fixed cost (broker and relay CPU) would otherwise be paid once per event.
         */
        @WithDefault("25ms")
        Duration batchInterval();

        /** First wait after Kafka refused a batch; doubles up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Kafka transactional id of the relay's producer; unique per service and Kafka cluster
         * (two deployments sharing a cluster need different ones).
         */
        @WithDefault("${quarkus.application.name}-outbox")
        String transactionalId();

        /** Sent rows are deleted after this long; unsent rows are never deleted. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Inbox {
        @WithDefault("true")
        boolean enabled();

        /** Kafka consumer group; defaults to the application name. */
        @WithDefault("${quarkus.application.name}")
        String groupId();

        /** Attempts to apply one event before it is parked. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second attempt; doubles for each further one. */
        @WithDefault("200ms")
        Duration retryBackoff();

        @WithDefault("200ms")
        Duration pollTimeout();
    }
}
