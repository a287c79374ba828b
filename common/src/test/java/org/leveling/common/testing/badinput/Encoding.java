package org.leveling.common.testing.badinput;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of a value as one path segment or query value: everything but RFC 3986's unreserved. */
final class Encoding {

    private Encoding() {
    }

    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
