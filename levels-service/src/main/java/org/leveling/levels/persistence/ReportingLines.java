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

    @Override
    @Transactional
    public List<String> managementChain(String employeeId) {
        return ManagementChains.walkUp(entityManager, "person", employeeId);
    }
}
