package org.leveling.levels.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.security.ManagementChains;

/** Management chains from levels-service's own people directory (the source of truth). */
@ApplicationScoped
public class ReportingLines implements ManagementChains {

    private final EntityManager entityManager;

    public ReportingLines(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Serialises changes of reporting lines until the current transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForChange() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.reporting-lines'))")
                .getSingleResult();
    }

    /** A person below {@code managerId}, at {@code depth} 1 for a direct report. */
    public record Report(String employeeId, String name, String managerId, int depth) {
    }

    /** A place in the list of reports: after the report at this depth with this employee id. */
    public record Position(int depth, String employeeId) {
    }

    /**
     * Up to {@code limit} people below a person, nearest first (by depth, then employee id), after
     * {@code after} (null: from the first); the walk is bounded like the chain above. Keyset paging
     * in the query, so a page costs the walk but never ships the whole chain.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Report> reports(String managerId, Position after, int limit) {
        Position from = after == null ? new Position(0, "") : after;
        List<Object[]> rows = entityManager.createNativeQuery("""
                WITH RECURSIVE below (employee_id, name, manager_id, depth) AS (
                    SELECT employee_id, name, manager_id, 1 FROM person WHERE manager_id = :id
                    UNION ALL
                    SELECT p.employee_id, p.name, p.manager_id, b.depth + 1
                    FROM person p JOIN below b ON p.manager_id = b.employee_id
                    WHERE b.depth < :maxDepth AND p.employee_id <> :id
                )
                SELECT employee_id, name, manager_id, depth FROM below
                WHERE (depth, employee_id) > (:afterDepth, :afterId)
                ORDER BY depth, employee_id
                LIMIT :limit
                """).setParameter("id", managerId).setParameter("maxDepth", MAX_CHAIN_DEPTH)
                .setParameter("afterDepth", from.depth()).setParameter("afterId", from.employeeId())
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Report((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    @Override
    @Transactional
    public List<String> managementChain(String employeeId) {
        return ManagementChains.walkUp(entityManager, "person", employeeId);
    }
}
