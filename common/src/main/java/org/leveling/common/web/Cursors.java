package org.leveling.common.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;

/** Opaque page cursors over keys: clients pass back what they were given, nothing else. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
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
        throw invalid();
    }

    private static ProblemException invalid() {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "The cursor is not valid.",
                List.of(new Problem.FieldViolation("cursor", "is not a cursor returned by this API")));
    }
}
