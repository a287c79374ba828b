package org.leveling.evidence.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The assembled packets (table {@code packet}, no entity): one per nomination, never changed. */
@ApplicationScoped
public class Packets {

    private final EntityManager entityManager;

    public Packets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean exists(String nominationId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM packet WHERE nomination_id = :id")
                .setParameter("id", nominationId).getResultList().isEmpty();
    }

    /** {@code payload} is the packet as JSON text. */
    public void insert(String nominationId, String candidateId, String payload, Instant assembledAt) {
        entityManager.createNativeQuery("""
                INSERT INTO packet (nomination_id, candidate_id, payload, assembled_at)
                VALUES (:id, :candidate, CAST(:payload AS jsonb), :now)
                """).setParameter("id", nominationId).setParameter("candidate", candidateId)
                .setParameter("payload", payload).setParameter("now", Timestamp.from(assembledAt)).executeUpdate();
    }
}
