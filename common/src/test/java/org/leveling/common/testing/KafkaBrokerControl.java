package org.leveling.common.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops and restarts the test Kafka broker on the same ports and data, for tests of what happens
 * while Kafka is down. A stop is a clean broker shutdown (SIGTERM to the launcher), a kill a SIGKILL.
 */
public final class KafkaBrokerControl {

    static final String PID_PROPERTY = "leveling.test.kafka.pid";
    static final String ARGS_PROPERTY = "leveling.test.kafka.args";

    private KafkaBrokerControl() {
    }

    public static void stop() {
        terminate(Long.parseLong(required(PID_PROPERTY)));
    }

    /** Kills the broker (SIGKILL: no controlled shutdown, as when its machine dies). */
    public static void kill() {
        ProcessHandle.of(Long.parseLong(required(PID_PROPERTY))).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    /** Starts the broker again on its old ports and log directory; returns when it serves. */
    public static void start() {
        KafkaTestResource.startBroker(Arrays.asList(required(ARGS_PROPERTY).split("\n")));
    }

    static void terminate(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("No test broker is running (is KafkaTestResource active, "
                    + "and TEST_KAFKA_BOOTSTRAP_SERVERS unset?)");
        }
        return value;
    }
}
