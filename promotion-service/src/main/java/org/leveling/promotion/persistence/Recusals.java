package org.leveling.promotion.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The recusals members declared (table {@code recusal}, no entity): one per member and case, never removed. */
@ApplicationScoped
public class Recusals {

    private final EntityManager entityManager;

    public Recusals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** False when the member had declared a recusal from the case already (nothing is written then). */
    public boolean declare(String committeeId, String nominationId, String memberId, String reason, Instant now) {
        return entityManager.createNativeQuery("""
                INSERT INTO recusal (committee_id, nomination_id, member_id, reason, declared_at)
                VALUES (:committee, :nomination, :member, :reason, :now) ON CONFLICT DO NOTHING
                """).setParameter("committee", committeeId).setParameter("nomination", nominationId)
                .setParameter("member", memberId).setParameter("reason", reason)
                .setParameter("now", Timestamp.from(now)).executeUpdate() == 1;
    }
}
