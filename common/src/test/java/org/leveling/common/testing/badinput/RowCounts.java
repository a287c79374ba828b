package org.leveling.common.testing.badinput;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The number of rows of every table in the service's schema but the trails refusals are written to:
 * a refused request must leave every other count as it was (the outbox included, so not even an event
 * of a half-made change escapes).
 */
final class RowCounts {

    static final Set<String> REFUSALS_WRITE_HERE = Set.of("audit_log", "audit_anonymous_refusal",
            "flyway_schema_history");

    private RowCounts() {
    }

    static Map<String, Long> of(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (!REFUSALS_WRITE_HERE.contains(table)) {
                    try (ResultSet count = sql.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        count.next();
                        counts.put(table, count.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
