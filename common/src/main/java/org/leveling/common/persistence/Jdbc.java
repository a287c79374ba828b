package org.leveling.common.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current transaction, for the statements every write makes
 * (the outbox row, the audit row): a Hibernate native query parses its SQL and resolves a type per
 * parameter on each call, which costs more than the INSERT itself. Unlike a Hibernate query, this
 * does not flush the session first — these statements never read what the session has pending.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs an INSERT/UPDATE/DELETE with positional parameters; returns the number of rows changed. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    bind(statement, i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // Untyped: the server takes the type from the column or the CAST around the parameter.
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }
}
