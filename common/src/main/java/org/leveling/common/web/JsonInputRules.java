package org.leveling.common.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What every JSON document a service reads must be beyond its schema: no field twice (which of two
 * values counts would be a guess, and a second parser could guess otherwise) and no U+0000 in any
 * string or field name (PostgreSQL stores it in neither text nor jsonb, so it would fail at the
 * database instead of being named as the caller's mistake). Nothing the services store can hold
 * either, so reading stored JSON through the same mapper never trips these rules.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("leveling-json-input-rules")
                .addDeserializer(String.class, new NulFreeString())
                .addKeyDeserializer(String.class, new NulFreeKey())
                .addDeserializer(JsonNode.class, new NulFreeTree()));
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    static final class NulFreeString extends StdScalarDeserializer<String> {

        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (holdsNul(text)) {
                throw new NulCharacterException(parser);
            }
            return text;
        }
    }

    static final class NulFreeKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (holdsNul(key)) {
                throw new NulCharacterException(context.getParser());
            }
            return key;
        }
    }

    /** Untyped bodies (e.g. an import read as a tree) are checked as a whole, and the first NUL located. */
    static final class NulFreeTree extends JsonDeserializer<JsonNode> {

        private final JsonDeserializer<? extends JsonNode> trees = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = trees.deserialize(parser, context);
            Deque<Object> path = new ArrayDeque<>();
            if (findNul(tree, path)) {
                NulCharacterException nul = new NulCharacterException(parser);
                for (Object step : path) {
                    if (step instanceof Integer index) {
                        nul.prependPath(new JsonMappingException.Reference(tree, index));
                    } else {
                        nul.prependPath(new JsonMappingException.Reference(tree, (String) step));
                    }
                }
                throw nul;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return trees.getNullValue(context);
        }

        /** Fills {@code path} innermost first, so prepending in that order rebuilds it outermost first. */
        private static boolean findNul(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return holdsNul(node.textValue());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (findNul(node.get(i), path)) {
                        path.addLast(i);
                        return true;
                    }
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (holdsNul(field.getKey()) || findNul(field.getValue(), path)) {
                        path.addLast(field.getKey());
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
