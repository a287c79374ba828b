package org.leveling.common.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;

import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;

/**
 * Failures that say the database, not the request or the event, is the problem — it is down,
 * restarting, out of connections, or chose this transaction as a deadlock or serialization victim —
 * so the same work succeeds when tried again later. The inbox retries such events instead of
 * parking them, and the API answers 503 with Retry-After instead of 500.
 */
public final class TransientDatabaseFailures {

    private TransientDatabaseFailures() {
    }

    /**
     * Whether {@code failure}, one of its causes or one of their suppressed exceptions is such a
     * failure. A commit that fails on a broken connection surfaces as the transaction manager's
     * RollbackException with the driver's error only attached as suppressed.
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    /**
     * Whether the connection broke while the transaction was being committed: the database may have
     * committed it before the answer was lost, so the outcome is unknown to the service.
     */
    public static boolean duringCommit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException) {
                return isTransient(t);
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 53: insufficient resources; 57: operator intervention
                // (shutdown, crash recovery, cannot connect now); 40001/40P01: serialization, deadlock.
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.equals("40001") || state.equals("40P01");
            }
            if (t instanceof PessimisticLockException || t instanceof SQLTransientException
                    || t instanceof java.net.ConnectException || isPoolTimeout(t)) {
                return true;
            }
            if (depth < 3) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (isTransient(suppressed, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Agroal gives up waiting for a connection with a plain SQLException and no SQLState. */
    private static boolean isPoolTimeout(Throwable t) {
        return t instanceof SQLException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
