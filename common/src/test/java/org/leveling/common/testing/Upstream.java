package org.leveling.common.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.FrameworkPublished;
import org.leveling.common.frameworks.FrameworkRetired;
import org.leveling.common.people.LevelChanged;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.people.PersonUpserted;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What levels-service would have published before evidence is written: the sample Product
 * Management ladder, people with managers, their levels. Sent through the real broker and awaited
 * in the read models, so every test starts from state built the way production builds it. Used by
 * the services that keep these read models (evidence-service, promotion-service).
 */
public class Upstream {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FrameworkCatalog catalog;
    private final PeopleDirectory people;
    private final ObjectMapper json = new ObjectMapper();

    /** With the service's read models, to wait until what was sent has been applied. */
    public Upstream(FrameworkCatalog catalog, PeopleDirectory people) {
        this.catalog = catalog;
        this.people = people;
    }

    /** A fresh id with a readable prefix, so tests never see each other's data. */
    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes the sample PM ladder (deploy/local/sample-framework.json) as version 1 of a new framework. */
    public String publishSampleFramework() throws Exception {
        return publishSampleFramework("pm-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Publishes the sample ladder as version 1 of framework {@code key} and waits until it is known. */
    public String publishSampleFramework(String key) throws Exception {
        Object document = json.readValue(Files.readString(Path.of(System.getProperty("leveling.root.dir"),
                "deploy/local/sample-framework.json")), Object.class);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("frameworkKey", key);
        event.put("name", "Product Management");
        event.put("jobFamily", "product-management");
        event.put("version", 1);
        event.put("publishedAt", Instant.now().toString());
        event.put("document", document);
        UpstreamEvents.send(FrameworkPublished.TOPIC, key, "/levels-service", FrameworkPublished.TYPE, event);
        await().atMost(WAIT).until(() -> catalog.find(key, 1).isPresent());
        return key;
    }

    public void retire(String key, int version) {
        UpstreamEvents.send(FrameworkPublished.TOPIC, key, "/levels-service", FrameworkRetired.TYPE,
                Map.of("frameworkKey", key, "version", version, "retiredAt", Instant.now().toString()));
        await().atMost(WAIT).until(() -> catalog.find(key, version).map(v -> v.retired()).orElse(false));
    }

    /**
     * Sends people (id → manager id, null for none; an optional third element is the org unit, else
     * Payments) top-down and waits until the last is known.
     */
    public void people(List<String[]> idAndManager) {
        String last = null;
        for (String[] person : idAndManager) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("employeeId", person[0]);
            event.put("name", "Person " + person[0]);
            event.put("managerId", person[1]);
            event.put("orgUnit", person.length > 2 ? person[2] : "Payments");
            event.put("jobFamily", "product-management");
            event.put("track", "ic");
            event.put("revision", 1);
            event.put("upsertedAt", Instant.now().toString());
            UpstreamEvents.send(PersonUpserted.TOPIC, person[0], "/levels-service", PersonUpserted.TYPE, event);
            last = person[0];
        }
        String awaited = last;
        await().atMost(WAIT).until(() -> people.find(awaited).isPresent());
    }

    /**
     * Sends a changed person (a new manager, at {@code revision}) and waits until the read model has it:
     * an org-chart change as levels-service publishes it.
     */
    public void move(String employeeId, String managerId, long revision) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("employeeId", employeeId);
        event.put("name", "Person " + employeeId);
        event.put("managerId", managerId);
        event.put("orgUnit", "Payments");
        event.put("jobFamily", "product-management");
        event.put("track", "ic");
        event.put("revision", revision);
        event.put("upsertedAt", Instant.now().toString());
        UpstreamEvents.send(PersonUpserted.TOPIC, employeeId, "/levels-service", PersonUpserted.TYPE, event);
        await().atMost(WAIT).until(() -> people.find(employeeId).map(p -> p.revision() == revision).orElse(false));
    }

    /** Sends a level-changed event and waits until the person stands at that level. */
    public void level(String employeeId, String frameworkKey, String level, LocalDate effectiveFrom) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("employeeId", employeeId);
        event.put("frameworkKey", frameworkKey);
        event.put("frameworkVersion", 1);
        event.put("level", level);
        event.put("previousLevel", null);
        event.put("effectiveFrom", effectiveFrom.toString());
        event.put("reason", "INITIAL");
        event.put("sourceRef", null);
        event.put("historyEntryId", System.nanoTime() & Long.MAX_VALUE);
        UpstreamEvents.send(PersonUpserted.TOPIC, employeeId, "/levels-service", LevelChanged.TYPE, event);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> people
                .levelOn(employeeId, LocalDate.now()).map(l -> l.level().equals(level)).orElse(false)));
    }
}
