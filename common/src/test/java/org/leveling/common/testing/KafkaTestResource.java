package org.leveling.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Apache Kafka broker (KRaft, one node) for {@code @QuarkusTest}s on free loopback ports,
 * or an existing cluster when {@code TEST_KAFKA_BOOTSTRAP_SERVERS} is set.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private StackProcess broker;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return Map.of("kafka.bootstrap.servers", external);
        }
        try {
            dataDir = Files.createTempDirectory(StackProcess.workDirectory(), "kafka-");
            List<String> args = List.of("--port", String.valueOf(StackProcess.freePort()),
                    "--controller-port", String.valueOf(StackProcess.freePort()), "--data-dir", dataDir.toString());
            broker = startBroker(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", broker.readyValue());
    }

    /**
     * Starts a broker with the given launcher arguments and publishes how to reach and restart it
     * in system properties: tests may run in another class loader than this resource, so
     * {@link KafkaBrokerControl} finds the broker through them.
     */
    static StackProcess startBroker(List<String> args) {
        StackProcess process = StackProcess.start("kafka", "org.leveling.stack.KafkaBrokerMain", List.of(), args);
        System.setProperty(KafkaBrokerControl.ARGS_PROPERTY, String.join("\n", args));
        System.setProperty(KafkaBrokerControl.PID_PROPERTY, Long.toString(process.pid()));
        return process;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
            // A broker restarted by a test belongs to that test's class loader: stop it through its pid.
            KafkaBrokerControl.terminate(Long.parseLong(System.getProperty(KafkaBrokerControl.PID_PROPERTY)));
            StackProcess.deleteQuietly(dataDir);
        }
    }
}
