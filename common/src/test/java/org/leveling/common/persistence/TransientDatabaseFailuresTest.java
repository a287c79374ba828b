package org.leveling.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

class TransientDatabaseFailuresTest {

    private static final SQLException CONNECTION_RESET =
            new SQLException("An I/O error occurred while sending to the backend.", "08006");

    @Test
    void aCommitThatFailedOnABrokenConnectionIsTransientAndItsOutcomeUnknown() {
        // As Narayana reports it: the driver's error is only attached, as suppressed, to the XA failure.
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.addSuppressed(CONNECTION_RESET);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException(rollback);

        assertThat(TransientDatabaseFailures.isTransient(thrown)).isTrue();
        assertThat(TransientDatabaseFailures.duringCommit(thrown)).isTrue();
    }

    @Test
    void aBrokenConnectionBeforeTheCommitIsTransientAndChangedNothing() {
        RuntimeException thrown = new RuntimeException(CONNECTION_RESET);

        assertThat(TransientDatabaseFailures.isTransient(thrown)).isTrue();
        assertThat(TransientDatabaseFailures.duringCommit(thrown)).isFalse();
    }

    @Test
    void aConstraintViolationOrARollbackForOtherReasonsIsNotTransient() {
        RollbackException rollback = new RollbackException("marked rollback only");
        rollback.addSuppressed(new SQLException("duplicate key", "23505"));

        assertThat(TransientDatabaseFailures.isTransient(new RuntimeException(rollback))).isFalse();
        assertThat(TransientDatabaseFailures.duringCommit(new RuntimeException(rollback))).isFalse();
    }
}
