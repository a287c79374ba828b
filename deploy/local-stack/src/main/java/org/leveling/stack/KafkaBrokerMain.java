package org.leveling.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Starts a single-node Apache Kafka broker in KRaft combined mode (broker + controller), bound to
 * 127.0.0.1 only.
 *
 * <pre>
 * java -cp ... org.leveling.stack.KafkaBrokerMain --port 9092 --controller-port 9093 --data-dir DIR [--watch-stdin]
 * </pre>
 *
 * Prints {@code READY 127.0.0.1:<port>} once the broker serves. Storage is formatted only when
 * {@code DIR} holds none yet, so a restart on the same directory keeps every topic and offset
 * (formatting again with a new cluster id would be refused by Kafka).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        LauncherOptions options = new LauncherOptions(args);
        int port = options.port("port");
        int controllerPort = options.port("controller-port");
        Path dataDir = options.directory("data-dir");
        Files.createDirectories(dataDir);

        Path logDir = dataDir.resolve("kraft-logs");
        Path propertiesFile = dataDir.resolve("server.properties");
        Properties properties = brokerProperties(port, controllerPort, logDir);
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "written by org.leveling.stack.KafkaBrokerMain");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            formatStorage(propertiesFile);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        LauncherLifecycle.announceReadyAndWait("READY 127.0.0.1:" + port, options.flag("watch-stdin"), () -> {
            server.shutdown();
            server.awaitShutdown();
        });
    }

    static Properties brokerProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        // The outbox relay publishes in Kafka transactions: the default 50 partitions make the first one slow.
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        return p;
    }

    private static void formatStorage(Path propertiesFile) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int exit = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString(), "--ignore-formatted"}, sink);
        if (exit != 0) {
            throw new IOException("Formatting Kafka storage failed with exit code " + exit);
        }
    }

    private static void quietLogging() {
        // slf4j-simple reads these once, at its first logger: the broker's INFO chatter drowns test logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }
}
