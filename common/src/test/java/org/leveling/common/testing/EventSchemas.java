package org.leveling.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates event payloads against the catalog in docs/events/ (JSON Schema 2020-12), one schema
 * file per CloudEvents type: {@code docs/events/<type>.json}.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Fails the test unless {@code payload} (JSON text) is valid for event type {@code type}. */
    public static void assertValid(String type, String payload) {
        try {
            assertValid(type, JSON.readTree(payload));
        } catch (IOException e) {
            throw new AssertionError("Payload of " + type + " is not JSON: " + payload, e);
        }
    }

    public static void assertValid(String type, JsonNode payload) {
        List<Error> errors = schema(type).validate(payload);
        assertThat(errors).as("payload %s against schema of %s", payload, type).isEmpty();
    }

    /** The validation errors of {@code payload}, for tests that prove the schema rejects something. */
    public static List<Error> errors(String type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    private static Schema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            Path file = catalog().resolve(t + ".json");
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("No schema for event type " + t + " at " + file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path catalog() {
        String dir = System.getProperty("leveling.events.dir");
        if (dir == null) {
            throw new IllegalStateException("System property leveling.events.dir is not set: run tests through Maven");
        }
        return Path.of(dir);
    }
}
