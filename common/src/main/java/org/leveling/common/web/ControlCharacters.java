package org.leveling.common.web;

import java.nio.charset.StandardCharsets;

/**
 * Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) in text a caller sent.
 * PostgreSQL cannot store U+0000 at all, and the others forge log lines and audit entries, so the
 * request guard refuses them in paths, query parameters and headers.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control character; a horizontal tab passes when {@code tabAllowed}. */
    public static boolean present(String text, boolean tabAllowed) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(tabAllowed && c == '\t')) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} with every control character percent-encoded (as its UTF-8 bytes, the way a URL
     * carries it), so it can go into a log line or an audit row without breaking either.
     */
    public static String escaped(String text) {
        if (!present(text, false)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
