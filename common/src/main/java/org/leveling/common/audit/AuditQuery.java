package org.leveling.common.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.leveling.common.persistence.NativeValues;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the audit trail, newest first, filtered and paged by an opaque cursor. */
@ApplicationScoped
public class AuditQuery {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Instance<AuditRowScope> scope;
    private final CurrentUser currentUser;

    public AuditQuery(EntityManager entityManager, ObjectMapper json, Instance<AuditRowScope> scope,
            CurrentUser currentUser) {
        this.entityManager = entityManager;
        this.json = json;
        this.scope = scope;
        this.currentUser = currentUser;
    }

    public record Filter(String resourceType, String resourceId, String actor, Instant from, Instant to) {
    }

    @Transactional
    public Page<AuditEntry> find(Filter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor, roles::text, action, resource_type, resource_id, before_state::text,
                       after_state::text, outcome, status, detail, correlation_id
                FROM audit_log WHERE true""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(sql, parameters, "resource_type = :resourceType", "resourceType", filter.resourceType());
        where(sql, parameters, "resource_id = :resourceId", "resourceId", filter.resourceId());
        where(sql, parameters, "actor = :actor", "actor", filter.actor());
        where(sql, parameters, "occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        where(sql, parameters, "occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        where(sql, parameters, "id < :before", "before", cursor == null ? null : Cursors.decodeId("audit", cursor));
        if (scope.isResolvable()) {
            where(sql, parameters, "NOT COALESCE((" + scope.get().hiddenRows() + "), false)", AuditRowScope.CALLER,
                    currentUser.caller().employeeId());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows, limit, this::toEntry, entry -> Cursors.encodeId("audit", entry.id()));
    }

    private static void where(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }

    private AuditEntry toEntry(Object[] r) {
        try {
            return new AuditEntry(((Number) r[0]).longValue(), NativeValues.instant(r[1]), (String) r[2],
                    json.readValue((String) r[3], new TypeReference<List<String>>() { }), (String) r[4],
                    (String) r[5], (String) r[6], r[7] == null ? null : json.readTree((String) r[7]),
                    r[8] == null ? null : json.readTree((String) r[8]), (String) r[9],
                    r[10] == null ? null : ((Number) r[10]).intValue(), (String) r[11], (String) r[12]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit row " + r[0], e);
        }
    }
}
