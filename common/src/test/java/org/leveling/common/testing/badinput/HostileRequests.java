package org.leveling.common.testing.badinput;

import static org.leveling.common.testing.badinput.Probe.Expect.REFUSED;
import static org.leveling.common.testing.badinput.Probe.Expect.TOLERATED;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.leveling.common.testing.badinput.OpenApiOperations.Operation;
import org.leveling.common.testing.badinput.OpenApiOperations.Parameter;
import org.leveling.common.testing.badinput.Probe.Caller;
import org.leveling.common.testing.badinput.Probe.Expect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for one operation of the OpenAPI document: hostile path ids, hostile values
 * of every declared query parameter and header, and for a JSON body hostile values at a sample of
 * its fields plus hostile bodies as a whole. Values are sampled (seeded, so a run can be repeated),
 * not combined, to keep a service's run to about a minute.
 */
final class HostileRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    /** At most this many fields of a body get field-level probes. */
    private static final int FIELDS_PER_BODY = 8;
    private static final int MEGABYTE_STRING = 1_000_000;

    /** Control characters, percent-encoded as a URL carries them: a 400 naming the parameter. */
    private static final List<String> CONTROL_SEGMENTS = List.of("%00", "a%00b", "%01", "%0A", "%0D%0Ax", "%1F",
            "%7F", "%C2%85");
    /** Other hostile ids: any 4xx. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("x".repeat(3000),
            "%C3%BC%C3%B1%C3%AF%E2%9C%93%F0%9F%9A%80", "..%2F..%2Fetc%2Fpasswd", "..",
            "%27%20OR%20%271%27%3D%271", "%22%3B%20DROP%20TABLE%20audit_log%3B--", "%25%30%30", "-1",
            "99999999999999999999", "%20", "%2520", "%3Cscript%3E");
    /** Refused by the HTTP codec itself (bare 400 or 414), before any route. */
    private static final List<String> CODEC_SEGMENTS = List.of("x".repeat(10_000), "%ZZ", "%C3%28");
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("%27%20OR%201%3D1--", "x".repeat(3000),
            "%C3%BC%C3%B1%C3%AF%E2%9C%93", "-1", "99999999999999999999", "", "%25%30%30", "%3Cscript%3E", "..%2F..");
    private static final List<String> HOSTILE_HEADER_VALUES = List.of("x".repeat(3000), "a\tb", "W/\"fz\"", "*",
            "\"-1\"", "' OR 1=1 --", "99999999999999999999");
    private static final List<String> HOSTILE_TEXT = List.of("' OR '1'='1", "../../etc/passwd",
            "Ünïcödé ✓ 🚀", "<script>alert(1)</script>", " ", "a\u0001b");

    private final OpenApiOperations openApi;
    private final SampleValues samples;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    HostileRequests(OpenApiOperations openApi, SampleValues samples, long seed) {
        this.openApi = openApi;
        this.samples = samples;
        this.random = new Random(seed);
    }

    List<Probe> of(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        probes.addAll(pathProbes(operation));
        probes.addAll(queryProbes(operation));
        probes.addAll(headerProbes(operation));
        if (operation.bodySchema() != null) {
            probes.addAll(bodyProbes(operation));
        }
        return probes;
    }

    /** Requests outside the REST API (health, OpenAPI, metrics, static files, nothing at all). */
    List<Probe> outsideTheApi() {
        List<Probe> probes = new ArrayList<>();
        for (String target : List.of("/q/health/ready?x=%00", "/q/openapi?format=%00", "/q/metrics?x=%0A",
                "/ui/%00", "/%00", "/api/v1/%00/x", "/api/v1/audit%00")) {
            probes.add(new Probe("outside the API", "GET", target, Map.of(), null, null, Caller.ANONYMOUS, TOLERATED,
                    null, false));
        }
        return probes;
    }

    private List<Probe> pathProbes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        byte[] body = operation.bodySchema() == null ? null : bytes(samples.of(operation.bodySchema()));
        String type = operation.bodySchema() == null ? null : operation.bodyType();
        for (Parameter parameter : operation.in("path")) {
            for (String segment : CONTROL_SEGMENTS) {
                probes.add(request(operation, "control character in path " + parameter.name(),
                        Map.of(parameter.name(), segment), body, type, REFUSED, parameter.name(), false));
            }
            for (String segment : HOSTILE_SEGMENTS) {
                // An id of the declared form may well be answered (an empty list for an unknown person).
                Expect expect = fits(parameter.schema(), segment) ? TOLERATED : REFUSED;
                probes.add(request(operation, "hostile path " + parameter.name(), Map.of(parameter.name(), segment),
                        body, type, expect, null, false));
            }
            for (String segment : CODEC_SEGMENTS) {
                probes.add(request(operation, "unparseable path " + parameter.name(),
                        Map.of(parameter.name(), segment), body, type, REFUSED, null, true));
            }
            Probe nul = request(operation, "NUL in path " + parameter.name(), Map.of(parameter.name(), "a%00b"), body,
                    type, REFUSED, parameter.name(), false);
            probes.add(nul.as(Caller.EMPLOYEE));
            if (operation.mutating()) {
                probes.add(nul.as(Caller.ANONYMOUS));
            }
        }
        return probes;
    }

    private List<Probe> queryProbes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        byte[] body = operation.bodySchema() == null ? null : bytes(samples.of(operation.bodySchema()));
        String type = operation.bodySchema() == null ? null : operation.bodyType();
        for (Parameter parameter : operation.in("query")) {
            for (String value : List.of("%00", "a%0Ab")) {
                probes.add(probe(operation, "control character in query " + parameter.name(),
                        query(operation, parameter.name(), value), body, type, REFUSED, parameter.name(), false));
            }
            for (String value : sample(HOSTILE_QUERY_VALUES, 5)) {
                probes.add(probe(operation, "hostile query " + parameter.name(),
                        query(operation, parameter.name(), value), body, type, TOLERATED, null, false));
            }
            probes.add(probe(operation, "query " + parameter.name() + " twice",
                    query(operation, parameter.name(), "1") + "&" + parameter.name() + "=2", body, type, TOLERATED,
                    null, false));
        }
        probes.add(probe(operation, "control character in an undeclared query parameter", query(operation, "fz", "%00"),
                body, type, REFUSED, "fz", false));
        probes.add(probe(operation, "unparseable query", query(operation, "fz", "%ZZ"), body, type, TOLERATED, null,
                true));
        return probes;
    }

    private List<Probe> headerProbes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        byte[] body = operation.bodySchema() == null ? null : bytes(samples.of(operation.bodySchema()));
        String type = operation.bodySchema() == null ? null : operation.bodyType();
        String target = target(operation, Map.of(), Map.of());
        for (Parameter parameter : operation.in("header")) {
            for (String value : HOSTILE_HEADER_VALUES) {
                probes.add(new Probe("hostile header " + parameter.name(), operation.method(), target,
                        Map.of(parameter.name(), value), type, body, Caller.HR_ADMIN, TOLERATED, null, false));
            }
        }
        return probes;
    }

    private List<Probe> bodyProbes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        JsonNode schema = operation.bodySchema();
        JsonNode base = samples.of(schema);
        String target = target(operation, Map.of(), Map.of());
        String type = operation.bodyType();
        List<Field> fields = new ArrayList<>();
        collect(base, schema, "", true, 0, fields);
        for (Field field : sample(fields, FIELDS_PER_BODY)) {
            for (Change change : changes(field)) {
                JsonNode body = base.deepCopy();
                change.apply(body, field);
                probes.add(new Probe(change.label + " at " + field.path, operation.method(), target, Map.of(), type,
                        bytes(body), Caller.HR_ADMIN, change.expect, change.namesField ? field.path : null, false));
            }
        }
        probes.addAll(wholeBodyProbes(operation, base, fields, target));
        return probes;
    }

    private List<Probe> wholeBodyProbes(Operation operation, JsonNode base, List<Field> fields, String target) {
        List<Probe> probes = new ArrayList<>();
        String type = operation.bodyType();
        String nesting = "[".repeat(10_000) + "]".repeat(10_000);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("not JSON", "not json");
        refused.put("truncated JSON", "{\"");
        refused.put("XML", "<x/>");
        refused.put("10,000 nested arrays", nesting);
        refused.put("a JSON string with a NUL in an unknown tree", "{\"fz\": [{\"a\\u0000\": \"b\\u0000\"}]}");
        boolean object = "object".equals(SampleValues.type(operation.bodySchema()));
        if (object) {
            refused.put("an array instead of an object", "[]");
            refused.put("a number instead of an object", "42");
            refused.put("a string instead of an object", "\"fz\"");
        }
        if (operation.bodyRequired()) {
            refused.put("empty body", "");
            refused.put("null body", "null");
        }
        if (base instanceof ObjectNode properties && properties.size() > 0
                && operation.bodySchema().has("properties")) {
            String text = text(base);
            Map.Entry<String, JsonNode> first = properties.properties().iterator().next();
            refused.put("a field twice", "{" + json(first.getKey()) + ":" + text(first.getValue()) + ","
                    + text.substring(1));
            ObjectNode extra = properties.deepCopy();
            extra.put("fzUnknownField", 1);
            refused.put("an unknown field", text(extra));
            ObjectNode nested = properties.deepCopy();
            refused.put("10,000 nested arrays in " + first.getKey(),
                    text(nested).replaceFirst(java.util.regex.Pattern.quote(json(first.getKey()) + ":"
                            + text(first.getValue())), java.util.regex.Matcher.quoteReplacement(
                                    json(first.getKey()) + ":" + nesting)));
        }
        refused.forEach((label, body) -> probes.add(new Probe(label, operation.method(), target, Map.of(), type,
                body.getBytes(StandardCharsets.UTF_8), Caller.HR_ADMIN, REFUSED, null, false)));
        probes.add(new Probe("JSON sent as text/plain", operation.method(), target, Map.of(), "text/plain",
                bytes(base), Caller.HR_ADMIN, REFUSED, null, false));
        probes.add(new Probe("a body over 1 MiB", operation.method(), target, Map.of(), type,
                ("\"" + "x".repeat(1_100_000) + "\"").getBytes(StandardCharsets.UTF_8), Caller.HR_ADMIN, REFUSED, null,
                false));
        Field text = fields.stream().filter(f -> "string".equals(SampleValues.type(f.schema)) && !f.schema.has("enum")
                && !f.schema.has("format")).findFirst().orElse(null);
        if (text != null) {
            probes.add(invalidUtf8(operation, base, text, target));
            boolean bounded = text.schema.path("maxLength").asInt(Integer.MAX_VALUE) < MEGABYTE_STRING;
            JsonNode body = base.deepCopy();
            text.set(body, NODES.textNode("x".repeat(MEGABYTE_STRING)));
            probes.add(new Probe("a 1 MB string at " + text.path, operation.method(), target, Map.of(), type,
                    bytes(body), Caller.HR_ADMIN, bounded ? REFUSED : TOLERATED, null, false));
        }
        probes.add(new Probe("the sample body", operation.method(), target, Map.of(), type, bytes(base),
                Caller.HR_ADMIN, TOLERATED, null, false));
        return probes;
    }

    /** A string whose bytes are not UTF-8 (0xC3 0x28). */
    private Probe invalidUtf8(Operation operation, JsonNode base, Field field, String target) {
        String marker = "fz-invalid-utf8-marker";
        JsonNode body = base.deepCopy();
        field.set(body, NODES.textNode(marker));
        String text = text(body);
        int at = text.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return new Probe("invalid UTF-8 at " + field.path, operation.method(), target, Map.of(), operation.bodyType(),
                bytes.toByteArray(), Caller.HR_ADMIN, REFUSED, null, false);
    }

    /** A field of the sample body: its location, schema and whether its object requires it. */
    private record Field(String path, List<Object> steps, JsonNode schema, boolean required) {

        JsonNode parent(JsonNode body) {
            JsonNode at = body;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                at = step instanceof Integer index ? at.get(index) : at.get((String) step);
            }
            return at;
        }

        void set(JsonNode body, JsonNode value) {
            Object last = steps.get(steps.size() - 1);
            if (parent(body) instanceof ObjectNode object) {
                object.set((String) last, value);
            } else if (parent(body) instanceof ArrayNode array) {
                array.set((Integer) last, value);
            }
        }

        void remove(JsonNode body) {
            if (parent(body) instanceof ObjectNode object) {
                object.remove((String) steps.get(steps.size() - 1));
            }
        }
    }

    private void collect(JsonNode value, JsonNode declared, String path, boolean required, int depth,
            List<Field> fields) {
        if (depth > 3) {
            return;
        }
        JsonNode schema = openApi.resolve(declared);
        if (!path.isEmpty()) {
            fields.add(new Field(path, steps(path), schema, required));
        }
        if (value instanceof ObjectNode object) {
            List<String> requiredNames = new ArrayList<>();
            schema.path("required").forEach(name -> requiredNames.add(name.asText()));
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                JsonNode propertySchema = schema.path("properties").has(property.getKey())
                        ? schema.path("properties").get(property.getKey()) : schema.path("additionalProperties");
                collect(property.getValue(), propertySchema, (path.isEmpty() ? "" : path + ".") + property.getKey(),
                        requiredNames.contains(property.getKey()), depth + 1, fields);
            }
        } else if (value instanceof ArrayNode array && array.size() > 0) {
            collect(array.get(0), schema.path("items"), path + "[0]", true, depth + 1, fields);
        }
    }

    /** "members[0].employeeId" → [members, 0, employeeId]. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!name.isEmpty()) {
                steps.add(name);
            }
            for (int open = part.indexOf('['); open >= 0; open = part.indexOf('[', open + 1)) {
                steps.add(Integer.parseInt(part.substring(open + 1, part.indexOf(']', open))));
            }
        }
        return steps;
    }

    /** One change to one field. */
    private record Change(String label, Expect expect, boolean namesField, JsonNode value, boolean removes) {

        static Change to(String label, Expect expect, JsonNode value) {
            return new Change(label, expect, false, value, false);
        }

        void apply(JsonNode body, Field field) {
            if (removes) {
                field.remove(body);
            } else {
                field.set(body, value);
            }
        }
    }

    private List<Change> changes(Field field) {
        List<Change> changes = new ArrayList<>();
        JsonNode schema = field.schema;
        if (field.required) {
            changes.add(Change.to("null for a required field", REFUSED, NODES.nullNode()));
            if (!(field.steps.get(field.steps.size() - 1) instanceof Integer)) {
                changes.add(new Change("a required field missing", REFUSED, false, null, true));
            }
        } else {
            changes.add(Change.to("null for an optional field", TOLERATED, NODES.nullNode()));
        }
        if (schema.has("enum")) {
            changes.add(Change.to("a value outside the enumeration", REFUSED, NODES.textNode("FZ_NOT_A_VALUE")));
            changes.add(Change.to("a number for an enumeration", REFUSED, NODES.numberNode(1)));
            return changes;
        }
        switch (SampleValues.type(schema)) {
            case "string" -> stringChanges(schema, changes);
            case "integer", "number" -> {
                changes.add(Change.to("a word for a number", REFUSED, NODES.textNode("not-a-number")));
                changes.add(Change.to("an object for a number", REFUSED, NODES.objectNode()));
                changes.add(Change.to("a number beyond 64 bits", REFUSED,
                        NODES.numberNode(new java.math.BigInteger("99999999999999999999"))));
                changes.add(Change.to("a fraction for an integer", TOLERATED, NODES.numberNode(1.5)));
                if (schema.has("maximum")) {
                    changes.add(Change.to("a number above the maximum", REFUSED,
                            NODES.numberNode(schema.get("maximum").asLong() + 1)));
                }
                if (schema.has("minimum")) {
                    changes.add(Change.to("a number below the minimum", REFUSED,
                            NODES.numberNode(schema.get("minimum").asLong() - 1)));
                }
            }
            case "boolean" -> {
                changes.add(Change.to("a word for a boolean", REFUSED, NODES.textNode("maybe")));
                changes.add(Change.to("an object for a boolean", REFUSED, NODES.objectNode()));
            }
            case "array" -> {
                changes.add(Change.to("a string for an array", REFUSED, NODES.textNode("fz")));
                changes.add(Change.to("an object for an array", REFUSED, NODES.objectNode()));
                if (schema.path("minItems").asInt(0) > 0) {
                    changes.add(Change.to("an empty array", REFUSED, NODES.arrayNode()));
                }
                if (schema.has("maxItems") && schema.get("maxItems").asInt() < 5000) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = samples.of(schema.path("items"));
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(item);
                    }
                    changes.add(Change.to("more items than allowed", REFUSED, many));
                }
            }
            case "object" -> {
                changes.add(Change.to("a string for an object", REFUSED, NODES.textNode("fz")));
                changes.add(Change.to("an array for an object", REFUSED, NODES.arrayNode()));
            }
            default -> {
                // An untyped field takes anything.
            }
        }
        return changes;
    }

    private void stringChanges(JsonNode schema, List<Change> changes) {
        changes.add(Change.to("an object for a string", REFUSED, NODES.objectNode()));
        changes.add(Change.to("an array for a string", REFUSED, NODES.arrayNode().add("fz")));
        changes.add(new Change("a NUL character", REFUSED, true, NODES.textNode("a\u0000b"), false));
        changes.add(Change.to("a number for a string", TOLERATED, NODES.numberNode(12345)));
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (maxLength < 200_000) {
            changes.add(Change.to("one character over the maximum length", REFUSED,
                    NODES.textNode("x".repeat(maxLength + 1))));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            changes.add(Change.to("an empty string", REFUSED, NODES.textNode("")));
        }
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            changes.add(Change.to("an impossible date", REFUSED, NODES.textNode("2026-02-30")));
            changes.add(Change.to("a word for a date", REFUSED, NODES.textNode("yesterday")));
            changes.add(Change.to("a date beyond the year 9999", REFUSED, NODES.textNode("+100000-01-01")));
        } else if (format.equals("date-time")) {
            changes.add(Change.to("an impossible time", REFUSED, NODES.textNode("2026-01-31T25:61:00Z")));
            changes.add(Change.to("a word for a time", REFUSED, NODES.textNode("not-a-time")));
        }
        for (String text : sample(HOSTILE_TEXT, 3)) {
            boolean fits = SampleValues.fits(schema, text) && format.isEmpty();
            // Text the schema allows may be stored; text it forbids must be refused.
            changes.add(Change.to((fits ? "hostile text " : "text the schema forbids ") + json(text),
                    fits ? TOLERATED : REFUSED, NODES.textNode(text)));
        }
    }

    /** Whether an encoded path value, decoded, has the parameter's declared form. */
    private boolean fits(JsonNode declared, String encoded) {
        JsonNode schema = openApi.resolve(declared);
        String value = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        if (value.equals("..") || value.contains("/")) {
            return false; // not a segment of this route any more
        }
        if (SampleValues.type(schema).equals("integer")) {
            try {
                long number = Long.parseLong(value);
                return number >= schema.path("minimum").asLong(Long.MIN_VALUE)
                        && number <= schema.path("maximum").asLong(Long.MAX_VALUE);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return SampleValues.fits(schema, value);
    }

    private Probe request(Operation operation, String label, Map<String, String> pathValues, byte[] body,
            String type, Expect expect, String namedField, boolean codecMayRefuse) {
        return probe(operation, label, target(operation, pathValues, Map.of()), body, type, expect, namedField,
                codecMayRefuse);
    }

    private static Probe probe(Operation operation, String label, String target, byte[] body, String type,
            Expect expect, String namedField, boolean codecMayRefuse) {
        return new Probe(label, operation.method(), target, Map.of(), type, body, Caller.HR_ADMIN, expect, namedField,
                codecMayRefuse);
    }

    /** The operation's path with the given (encoded) path values, the sample values for the rest, and the query. */
    private String target(Operation operation, Map<String, String> pathValues, Map<String, String> query) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = pathValues.containsKey(parameter.name()) ? pathValues.get(parameter.name())
                    : Encoding.encode(samples.of(parameter.schema()).asText());
            path = path.replace("{" + parameter.name() + "}", value);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter parameter : operation.in("query")) {
            if (parameter.required()) {
                parameters.put(parameter.name(), Encoding.encode(samples.of(parameter.schema()).asText()));
            }
        }
        parameters.putAll(query);
        return parameters.isEmpty() ? path : path + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** The operation's sample target with query parameter {@code name} set to the encoded {@code value}. */
    private String query(Operation operation, String name, String value) {
        return target(operation, Map.of(), Map.of(name, value));
    }

    private <T> List<T> sample(List<T> values, int count) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    private byte[] bytes(JsonNode body) {
        return text(body).getBytes(StandardCharsets.UTF_8);
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(String text) {
        return text(NODES.textNode(text));
    }
}
