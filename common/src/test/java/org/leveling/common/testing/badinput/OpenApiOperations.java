package org.leveling.common.testing.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of a service's OpenAPI 3 document (its {@code /q/openapi?format=json}), with their
 * parameters and JSON request body schema resolved: {@code $ref}s into {@code components/schemas}
 * followed, the keywords written beside a {@code $ref} laid over the schema it names.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final int MAX_REF_DEPTH = 20;

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** A declared parameter: where it goes, its name, whether it is required and its schema. */
    record Parameter(String in, String name, boolean required, JsonNode schema) {
    }

    /** One operation; {@code bodyType} and {@code bodySchema} are null without a request body. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema,
            boolean bodyRequired) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        boolean mutating() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(method.getKey().toUpperCase(), path.getKey(), path.getValue(),
                            method.getValue()));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode p = resolve(parameter);
                parameters.add(new Parameter(p.path("in").asText(), p.path("name").asText(),
                        p.path("required").asBoolean(false), resolve(p.path("schema"))));
            }
        }
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        String bodyType = null;
        JsonNode bodySchema = null;
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            if (type.getKey().equals("application/json") || (bodyType == null && type.getKey().endsWith("json"))) {
                bodyType = type.getKey();
                bodySchema = resolve(type.getValue().path("schema"));
            }
        }
        return new Operation(method, path, parameters, bodyType, bodySchema,
                resolve(operation.path("requestBody")).path("required").asBoolean(false));
    }

    /** {@code node} with its {@code $ref} followed (keywords beside the {@code $ref} win); else itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        for (int depth = 0; resolved.has("$ref") && depth < MAX_REF_DEPTH; depth++) {
            JsonNode target = document.at(resolved.get("$ref").asText().substring(1));
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> keyword : resolved.properties()) {
                if (!keyword.getKey().equals("$ref")) {
                    merged.set(keyword.getKey(), keyword.getValue());
                }
            }
            resolved = merged;
        }
        return resolved;
    }
}
