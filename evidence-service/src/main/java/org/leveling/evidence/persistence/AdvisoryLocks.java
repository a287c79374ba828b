package org.leveling.evidence.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the end of the caller's transaction, for work that must not
 * run twice at once but has no row to lock yet. Each kind of key has its own namespace (the second
 * argument of {@code hashtextextended}), so keys of different kinds never collide.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private static final int IDEMPOTENCY_KEYS = 0;
    private static final int NOMINATIONS = 1;

    private final EntityManager entityManager;

    public AdvisoryLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Requests with the same caller and Idempotency-Key wait for each other. */
    public void idempotencyKey(String employeeId, String idempotencyKey) {
        lock(employeeId + "\n" + idempotencyKey, IDEMPOTENCY_KEYS);
    }

    /** Deliveries of events about the same nomination wait for each other. */
    public void nomination(String nominationId) {
        lock(nominationId, NOMINATIONS);
    }

    private void lock(String key, int namespace) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, " + namespace + "))")
                .setParameter("key", key).getSingleResult();
    }
}
