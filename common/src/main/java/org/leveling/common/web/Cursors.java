package org.leveling.common.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;

/** Opaque page cursors over keys: clients pass back what they were given, nothing else. */
public final class Cursors {

    private static final String SEPARATOR = "|";

    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /**
     * A cursor over a compound position, e.g. a date and an id, for keyset paging on more than
     * one column. No part may contain {@code |}.
     */
    public static String encodeParts(Object... parts) {
        return encode(Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(SEPARATOR)));
    }

    /**
     * Reads a compound cursor back: {@code read} gets its parts and may throw any runtime
     * exception (a part that does not parse, too few parts); the caller then gets the same 400 as
     * for a cursor that is not base64url.
     */
    public static <T> T decodeParts(String cursor, Function<List<String>, T> read) {
        List<String> parts = List.of(decode(cursor).split("\\" + SEPARATOR, -1));
        try {
            return read.apply(parts);
        } catch (RuntimeException e) {
            throw notACursor();
        }
    }

    /** A cursor over a numeric id; {@code kind} keeps a cursor of one list from being accepted by another. */
    public static String encodeId(String kind, long id) {
        return encode(kind + ":" + id);
    }

    /** The id in a cursor made by {@link #encodeId} for the same {@code kind}; a 400 for anything else. */
    public static long decodeId(String kind, String cursor) {
        String position = decode(cursor);
        if (position.startsWith(kind + ":")) {
            try {
                return Long.parseLong(position.substring(kind.length() + 1));
            } catch (NumberFormatException e) {
                // Falls through to the problem below.
            }
        }
        throw notACursor();
    }

    private static ProblemException notACursor() {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "The cursor is not valid.",
                List.of(new Problem.FieldViolation("cursor", "is not a cursor returned by this API")));
    }
}
