package org.leveling.common.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.persistence.Jdbc;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Page;

/**
 * Counts refused calls without a valid token per minute, method, route template, client address and
 * status, instead of writing an audit row per call: whoever can reach the service can send them, and
 * no minute takes more than {@code leveling.audit.anonymous-refusals.max-rows-per-minute} rows, so
 * neither a flood nor a spray of addresses grows the trail beyond that.
 */
@ApplicationScoped
public class AnonymousRefusals {

    /** The route and client address of the bucket that takes a minute's refusals beyond the cap. */
    public static final String OTHER = "(other)";
    private static final String CURSOR_PREFIX = "anonymous-refusal";

    private final EntityManager entityManager;
    private final int maxRowsPerMinute;

    public AnonymousRefusals(EntityManager entityManager, AuditConfig config) {
        this.entityManager = entityManager;
        this.maxRowsPerMinute = Math.max(1, config.anonymousRefusals().maxRowsPerMinute());
    }

    /** One refused anonymous call. */
    public record Refusal(String method, String route, String clientAddress, int status) {
    }

    /** Counts {@code refusal} in the bucket of the current minute, making the bucket if it is the first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(Refusal refusal) {
        String method = truncate(refusal.method(), 16);
        String route = truncate(refusal.route(), 300);
        String address = truncate(refusal.clientAddress(), 64);
        // The minute is the transaction's start: one value for every statement below.
        int counted = Jdbc.update(entityManager, """
                UPDATE audit_anonymous_refusal SET refusals = refusals + 1, last_at = clock_timestamp()
                WHERE minute = date_trunc('minute', now()) AND method = ? AND route = ? AND client_address = ?
                  AND status = ?""", method, route, address, refusal.status());
        if (counted > 0) {
            return;
        }
        // New buckets are made one at a time per schema, so concurrent requests cannot together pass the cap.
        Jdbc.query(entityManager, "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_anonymous_refusal'))",
                row -> 1);
        Jdbc.update(entityManager, """
                INSERT INTO audit_anonymous_refusal (minute, method, route, client_address, status, refusals, first_at,
                                                     last_at)
                SELECT date_trunc('minute', now()),
                       CASE WHEN at_cap THEN '*' ELSE ? END, CASE WHEN at_cap THEN ? ELSE ? END,
                       CASE WHEN at_cap THEN ? ELSE ? END, ?, 1, clock_timestamp(), clock_timestamp()
                FROM (SELECT count(*) >= ? AS at_cap FROM audit_anonymous_refusal
                      WHERE minute = date_trunc('minute', now())) AS minute_rows
                ON CONFLICT (minute, method, route, client_address, status)
                DO UPDATE SET refusals = audit_anonymous_refusal.refusals + 1, last_at = excluded.last_at
                """, method, OTHER, route, OTHER, address, refusal.status(), maxRowsPerMinute);
    }

    /** Buckets of anonymous refusals, newest first. */
    @Transactional
    public Page<AnonymousRefusal> find(Instant from, Instant to, int limit, String cursor) {
        Long before = cursor == null ? null : Cursors.decodeId(CURSOR_PREFIX, cursor);
        List<AnonymousRefusal> rows = Jdbc.query(entityManager, """
                SELECT id, minute, method, route, client_address, status, refusals, first_at, last_at
                FROM audit_anonymous_refusal
                WHERE (CAST(? AS timestamptz) IS NULL OR minute >= ?) AND (CAST(? AS timestamptz) IS NULL OR minute < ?)
                  AND (CAST(? AS bigint) IS NULL OR id < ?)
                ORDER BY id DESC LIMIT ?""", AnonymousRefusals::read, from, from, to, to, before, before, limit + 1);
        return Page.of(rows, limit, refusal -> refusal, refusal -> Cursors.encodeId(CURSOR_PREFIX, refusal.id()));
    }

    private static AnonymousRefusal read(ResultSet row) throws SQLException {
        return new AnonymousRefusal(row.getLong(1), instant(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getInt(6), row.getLong(7), instant(row, 8), instant(row, 9));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
