package org.leveling.common.web;

/** Accepted shapes of identifiers in paths and bodies. */
public final class Ids {

    public static final String EMPLOYEE_ID = "[A-Za-z0-9._-]{1,64}";
    public static final String EMPLOYEE_ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";
    public static final String KEY = "[a-z][a-z0-9-]*";
    /** Ids the services generate (UUIDs): evidence, check-ins, cycles, committees, nominations, decisions, appeals. */
    public static final String UUID = "[0-9a-f-]{36}";
    public static final String KEY_MESSAGE = "must be lowercase letters, digits and dashes, starting with a letter";

    private Ids() {
    }
}
