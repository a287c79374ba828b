package org.leveling.common.audit;

/**
 * Which rows of the audit trail a caller may not read, for a service whose rows carry what some
 * hr-admins must not see (promotion-service: the votes and decisions of a case the caller has a
 * conflict of interest on). Without such a bean every hr-admin reads every row.
 */
public interface AuditRowScope {

    /** The parameter that holds the caller's employee id in {@link #hiddenRows()}. */
    String CALLER = "auditCaller";

    /**
     * An SQL condition over {@code audit_log}'s columns that is true for the rows hidden from the
     * caller, whose employee id is bound to {@code :auditCaller}.
     */
    String hiddenRows();
}
