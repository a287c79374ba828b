import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lists the topics of a Kafka cluster, or prints the events of one — headers and payload — as they
 * are on the broker. Run by deploy/local/topics, which puts the Kafka client and Jackson on the
 * class path. Commits nothing and joins no consumer group.
 */
public class Topics {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean fromBeginning = arguments.remove("--from-beginning");
        boolean follow = arguments.remove("--follow");
        if (arguments.isEmpty()) {
            list(servers);
        } else if (arguments.size() == 1 && !arguments.get(0).startsWith("--")) {
            print(servers, arguments.get(0), fromBeginning, follow);
        } else {
            System.err.println("usage: deploy/local/topics [TOPIC [--from-beginning] [--follow]]");
            System.exit(2);
        }
    }

    private static void list(String servers) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> topics = new TreeMap<>(admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames().get());
            try (KafkaConsumer<String, String> consumer = consumer(servers)) {
                for (TopicDescription topic : topics.values()) {
                    List<TopicPartition> partitions = topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                    long records = consumer.endOffsets(partitions).entrySet().stream()
                            .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
                    System.out.printf("%-32s partitions=%-3d records=%d%n", topic.name(), partitions.size(), records);
                }
            }
        }
    }

    private static void print(String servers, String topic, boolean fromBeginning, boolean follow) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        try (KafkaConsumer<String, String> consumer = consumer(servers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                follow = true;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    show(record);
                }
                if (!follow && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
            }
        }
    }

    private static void show(ConsumerRecord<String, String> record) throws Exception {
        System.out.printf("--- %s-%d@%d key=%s at %s%n", record.topic(), record.partition(), record.offset(),
                record.key(), Instant.ofEpochMilli(record.timestamp()));
        for (Header header : record.headers()) {
            System.out.printf("    %s: %s%n", header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        String value = record.value();
        try {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(value)));
        } catch (Exception notJson) {
            System.out.println(value);
        }
    }

    private static KafkaConsumer<String, String> consumer(String servers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config);
    }
}
