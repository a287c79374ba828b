import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reference consumer for analytics (docs/analytics.md): reads leveling.evidence and
 * leveling.promotions from offset 0 to their current end, and prints one cycle's calibration
 * numbers — overall and per org unit, target level, track and manager — as JSON, the same numbers
 * as the FULL view of GET /api/v1/cycles/{id}/calibration.
 *
 * <pre>
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$(cat deploy/local-stack/target/local-stack.classpath)" \
 *     deploy/analytics/CalibrationNumbers.java --bootstrap-servers localhost:9092 --cycle 6f1c...
 * </pre>
 *
 * Only the Kafka client and Jackson; no group id (it assigns the partitions itself and commits
 * nothing), so it can run as often as you like without disturbing anyone.
 */
public class CalibrationNumbers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case as the events tell it. */
    static final class Case {
        String orgUnit;
        String targetLevel;
        String track;
        String manager;
        String outcome;
        boolean override;
        BigDecimal readiness;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String cycle = Objects.requireNonNull(options.get("cycle"), "--cycle <cycle id> is required");
        String servers = options.getOrDefault("bootstrap-servers", "localhost:9092");

        Map<String, Case> cases = new LinkedHashMap<>();
        Map<String, BigDecimal> readinessByNomination = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : readAll(servers, List.of("leveling.evidence", "leveling.promotions"))) {
            // Delivery is at least once: the same event (same ce_id) may arrive twice; count it once.
            String type = header(record, "ce_type");
            if (type == null || !seen.add(header(record, "ce_id"))) {
                continue;
            }
            JsonNode data = JSON.readTree(record.value());
            String nomination = data.path("nominationId").asText();
            switch (type) {
                case "org.leveling.evidence.packet-assembled.v1" ->
                        readinessByNomination.putIfAbsent(nomination, readiness(data));
                case "org.leveling.promotions.nomination-submitted.v1" -> {
                    if (cycle.equals(data.path("cycleId").asText())) {
                        Case c = new Case();
                        c.orgUnit = text(data, "candidateOrgUnit");
                        c.targetLevel = text(data, "targetLevel");
                        c.track = text(data, "targetTrack");
                        c.manager = text(data, "candidateManagerId");
                        cases.put(nomination, c);
                    }
                }
                case "org.leveling.promotions.nomination-withdrawn.v1" -> cases.remove(nomination);
                case "org.leveling.promotions.decision-recorded.v1" -> {
                    // Events of one nomination share its key, so they come in order: the latest
                    // decision (one that supersedes another after an appeal) is the one in force.
                    Case c = cases.get(nomination);
                    if (c != null) {
                        c.outcome = data.path("outcome").asText();
                        c.override = data.path("override").asBoolean(false);
                    }
                }
                default -> {
                    // Other event types say nothing about these numbers.
                }
            }
        }
        cases.forEach((id, c) -> c.readiness = readinessByNomination.get(id));

        ObjectNode out = JSON.createObjectNode();
        out.put("cycleId", cycle);
        out.set("overall", numbers(null, cases.values()));
        ObjectNode groups = out.putObject("groups");
        Map<String, Function<Case, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("orgUnit", c -> c.orgUnit);
        dimensions.put("targetLevel", c -> c.targetLevel);
        dimensions.put("track", c -> c.track);
        dimensions.put("manager", c -> c.manager);
        dimensions.forEach((dimension, keyOf) -> {
            // A case whose group was not known at submission counts under "(unknown)", as in the service.
            Map<String, List<Case>> byKey = cases.values().stream().collect(Collectors.groupingBy(
                    c -> Objects.requireNonNullElse(keyOf.apply(c), "(unknown)"), TreeMap::new, Collectors.toList()));
            var list = groups.putArray(dimension);
            byKey.forEach((key, group) -> list.add(numbers(key, group)));
        });
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static ObjectNode numbers(String key, java.util.Collection<Case> group) {
        long decided = group.stream().filter(c -> c.outcome != null).count();
        ObjectNode n = JSON.createObjectNode();
        if (key != null) {
            n.put("key", key);
        }
        n.put("nominations", group.size());
        n.put("decided", decided);
        n.put("promoted", count(group, "PROMOTED"));
        n.put("notPromoted", count(group, "NOT_PROMOTED"));
        n.put("deferred", count(group, "DEFERRED"));
        n.put("overrides", group.stream().filter(c -> c.outcome != null && c.override).count());
        n.put("promotionRate", decided == 0 ? null
                : BigDecimal.valueOf(count(group, "PROMOTED")).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP));
        List<BigDecimal> scores = group.stream().map(c -> c.readiness).filter(Objects::nonNull).toList();
        n.put("averageReadiness", scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 4, RoundingMode.HALF_UP));
        return n;
    }

    private static long count(java.util.Collection<Case> group, String outcome) {
        return group.stream().filter(c -> outcome.equals(c.outcome)).count();
    }

    /** The share of the packet's competencies that are READY, to four places; null when it lists none. */
    private static BigDecimal readiness(JsonNode packet) {
        JsonNode competencies = packet.path("competencies");
        if (competencies.size() == 0) {
            return null;
        }
        long ready = 0;
        for (JsonNode competency : competencies) {
            ready += "READY".equals(competency.path("status").asText()) ? 1 : 0;
        }
        return BigDecimal.valueOf(ready).divide(BigDecimal.valueOf(competencies.size()), 4, RoundingMode.HALF_UP);
    }

    /** Every record of the topics from offset 0 up to their end as of now, in offset order per partition. */
    static List<ConsumerRecord<String, String>> readAll(String servers, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed transactions: the relay publishes in transactions.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topics to their end within 2 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
