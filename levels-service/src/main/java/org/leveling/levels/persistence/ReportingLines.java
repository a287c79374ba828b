package org.leveling.levels.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.security.ManagementChains;

/** Management chains from levels-service's own people directory (the source of truth). */
@ApplicationScoped
public class ReportingLines implements ManagementChains {

    /** Longer chains are treated as corrupt data rather than walked forever. */
    private static final int MAX_CHAIN_DEPTH = 64;

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

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> managementChain(String employeeId) {
        return entityManager.createNativeQuery("""
                WITH RECURSIVE chain (employee_id, manager_id, depth) AS (
                    SELECT employee_id, manager_id, 0 FROM person WHERE employee_id = :id
                    UNION ALL
                    SELECT p.employee_id, p.manager_id, c.depth + 1
                    FROM person p JOIN chain c ON p.employee_id = c.manager_id
                    WHERE c.depth < :maxDepth
                )
                SELECT employee_id FROM chain WHERE depth > 0 ORDER BY depth
                """).setParameter("id", employeeId).setParameter("maxDepth", MAX_CHAIN_DEPTH).getResultList();
    }
}
