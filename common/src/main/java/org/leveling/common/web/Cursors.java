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
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "The cursor is not valid.",
                    List.of(new Problem.FieldViolation("cursor", "is not a cursor returned by this API")));
        }
    }
}
