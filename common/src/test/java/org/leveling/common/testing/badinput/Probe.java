package org.leveling.common.testing.badinput;

import java.util.Map;

/**
 * One hostile request and what it must get. {@code target} is the path and query exactly as sent
 * (already percent-encoded); {@code namedField}, when set, is the parameter or body field a 400 must
 * name.
 */
record Probe(String label, String method, String target, Map<String, String> headers, String contentType,
        byte[] body, Caller caller, Expect expect, String namedField, boolean codecMayRefuse) {

    /** Who sends it. */
    enum Caller { HR_ADMIN, EMPLOYEE, ANONYMOUS }

    enum Expect {
        /** Must be refused with a problem+json 4xx, and must change nothing. */
        REFUSED,
        /** Hostile but possibly valid: any answer but a 5xx, and a 4xx is problem+json. */
        TOLERATED
    }

    Probe as(Caller other) {
        return new Probe(label + " as " + other, method, target, headers, contentType, body, other, expect,
                other == Caller.HR_ADMIN ? namedField : null, codecMayRefuse);
    }

    @Override
    public String toString() {
        String shown = target.length() > 120 ? target.substring(0, 120) + "..." : target;
        return label + " [" + method + " " + shown + ", " + caller + "]";
    }
}
