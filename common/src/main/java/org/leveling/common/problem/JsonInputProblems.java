package org.leveling.common.problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import org.leveling.common.web.NulCharacterException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's failures into what a client can act on: the JSON location of the bad field and
 * the JSON type it should have. Jackson's own messages name Java classes, which must not reach a
 * response body.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static String detail(JsonProcessingException e) {
        if (e instanceof JsonMappingException) {
            return "The request body does not match the expected structure.";
        }
        if (duplicateField(e) != null) {
            return "The request body names a field more than once in one object.";
        }
        JsonLocation at = e.getLocation();
        return at == null
                ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").";
    }

    static List<Problem.FieldViolation> violations(JsonProcessingException e) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return List.of(new Problem.FieldViolation(duplicate, "appears more than once"));
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return List.of();
        }
        String field = path(mapping.getPath());
        if (e instanceof NulCharacterException) {
            return List.of(new Problem.FieldViolation(field, NulCharacterException.MESSAGE));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return List.of(new Problem.FieldViolation(field, "is not a known field"));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return List.of(new Problem.FieldViolation(field, "must be " + expected(mismatch.getTargetType())));
        }
        return List.of(new Problem.FieldViolation(field, "has an invalid value"));
    }

    /**
     * The location of a field the parser found twice in one object (JsonInputRules turns on duplicate
     * detection), from the parser's position when it stopped; null for any other failure.
     */
    private static String duplicateField(JsonProcessingException e) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null
                || read.getOriginalMessage() == null || !read.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = read.getProcessor().getParsingContext(); at != null && !at.inRoot();
                at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                steps.addFirst(at.getCurrentName());
            } else if (at.inArray()) {
                steps.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        return String.join(".", steps).replace(".[", "[");
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || Temporal.class.isAssignableFrom(type)) {
            return "a timestamp (ISO 8601, e.g. 2026-01-31T09:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
