package org.leveling.common.security;

/** The roles a token's {@code groups} claim carries. */
public final class Roles {

    public static final String EMPLOYEE = "employee";
    public static final String MANAGER = "manager";
    /** Frameworks, people, cycles, imports, audit. */
    public static final String HR_ADMIN = "hr-admin";
    /** Membership is checked per committee in data. */
    public static final String COMMITTEE = "committee";
    /** Aggregates only. */
    public static final String ANALYST = "analyst";

    private Roles() {
    }
}
