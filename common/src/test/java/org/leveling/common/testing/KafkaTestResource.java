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
            broker = StackProcess.start("kafka", "org.leveling.stack.KafkaBrokerMain", List.of(),
                    List.of("--port", String.valueOf(StackProcess.freePort()),
                            "--controller-port", String.valueOf(StackProcess.freePort()),
                            "--data-dir", dataDir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", broker.readyValue());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
            StackProcess.deleteQuietly(dataDir);
        }
    }
}
