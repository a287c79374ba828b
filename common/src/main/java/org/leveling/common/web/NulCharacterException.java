package org.leveling.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string or field name holds U+0000, which PostgreSQL can store neither in text nor in jsonb.
 * Jackson adds the location; the problem mappers name it as the failing field.
 */
public class NulCharacterException extends MismatchedInputException {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    public NulCharacterException(JsonParser parser) {
        super(parser, "A JSON string holds U+0000", String.class);
    }
}
