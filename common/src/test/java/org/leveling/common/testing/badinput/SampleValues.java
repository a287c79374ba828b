package org.leveling.common.testing.badinput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plausible value for a schema: one that passes its declared type, format, enumeration, pattern,
 * lengths and bounds, so that a single hostile change to it is what a request is refused for. Ids
 * are fresh for every run (no test's data is addressed by accident).
 */
final class SampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final OpenApiOperations openApi;
    private final List<String> candidates;

    SampleValues(OpenApiOperations openApi, String runId) {
        this.openApi = openApi;
        this.candidates = List.of("Fz" + runId, "fz-" + runId, UUID.randomUUID().toString(), "FZ" + runId, "x",
                "7", "Fuzz " + runId);
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private JsonNode of(JsonNode declared, int depth) {
        JsonNode schema = openApi.resolve(declared);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        return switch (type) {
            case "string" -> NODES.textNode(string(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(of(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "object" -> object(schema, depth);
            default -> NODES.objectNode();
        };
    }

    /** The declared type; an object when it has properties, nothing when it says nothing. */
    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").isArray() ? schema.get("type").get(0).asText() : schema.get("type").asText();
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object" : "";
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (!property.getValue().path("readOnly").asBoolean(false)) {
                object.set(property.getKey(), of(property.getValue(), depth + 1));
            }
        }
        if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
            object.set("x", of(schema.get("additionalProperties"), depth + 1));
        }
        return object;
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return LocalDate.now().toString();
        }
        if (format.equals("date-time")) {
            return Instant.now().toString();
        }
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        for (JsonNode example : schema.path("examples")) {
            if (example.isTextual() && fits(schema, example.asText())) {
                return example.asText();
            }
        }
        if (schema.path("example").isTextual() && fits(schema, schema.get("example").asText())) {
            return schema.get("example").asText();
        }
        for (String candidate : candidates) {
            if (fits(schema, candidate)) {
                return candidate;
            }
        }
        return "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
    }

    private static long integer(JsonNode schema) {
        long value = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
        return schema.has("maximum") ? Math.min(value, schema.get("maximum").asLong()) : value;
    }

    /** Whether {@code value} passes the string's lengths and pattern as Bean Validation would check it. */
    static boolean fits(JsonNode schema, String value) {
        if (value.length() < schema.path("minLength").asInt(0)
                || value.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        Pattern pattern = pattern(schema);
        // @NotBlank is declared as "\S", found anywhere; @Pattern must match the whole value.
        return pattern == null || (schema.get("pattern").asText().equals("\\S") ? pattern.matcher(value).find()
                : pattern.matcher(value).matches());
    }

    /** The declared pattern; null when none (or one Java cannot read). */
    static Pattern pattern(JsonNode schema) {
        String regex = schema.path("pattern").asText("");
        if (regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
