package org.leveling.evidence.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Read access of a promotion committee's members to a candidate's evidence (table
 * {@code committee_grant}, no entity), from promotion-service's events: granted when the nomination
 * is submitted, ended when its decision is recorded, the case is withdrawn or the member leaves it.
 */
@ApplicationScoped
public class CommitteeGrants {

    private final EntityManager entityManager;

    public CommitteeGrants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(String nominationId, String candidateId, Collection<String> members, Instant now) {
        for (String member : members) {
            entityManager.createNativeQuery("""
                    INSERT INTO committee_grant (nomination_id, member_id, candidate_id, granted_at)
                    VALUES (:nomination, :member, :candidate, :now) ON CONFLICT DO NOTHING
                    """).setParameter("nomination", nominationId).setParameter("member", member)
                    .setParameter("candidate", candidateId).setParameter("now", Timestamp.from(now)).executeUpdate();
        }
    }

    /** Ends every grant of the nomination; returns how many were still active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revoke(String nominationId, Instant now) {
        return entityManager.createNativeQuery("""
                UPDATE committee_grant SET revoked_at = :now WHERE nomination_id = :nomination AND revoked_at IS NULL
                """).setParameter("now", Timestamp.from(now)).setParameter("nomination", nominationId).executeUpdate();
    }

    /** Ends one member's grant for a nomination; returns whether it was active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(String nominationId, String memberId, Instant now) {
        return entityManager.createNativeQuery("""
                UPDATE committee_grant SET revoked_at = :now
                WHERE nomination_id = :nomination AND member_id = :member AND revoked_at IS NULL
                """).setParameter("now", Timestamp.from(now)).setParameter("nomination", nominationId)
                .setParameter("member", memberId).executeUpdate() > 0;
    }

    /** Whether {@code memberId} sits on a committee with an open nomination of {@code candidateId}. */
    @Transactional
    public boolean hasOpenGrant(String memberId, String candidateId) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM committee_grant WHERE member_id = :member AND candidate_id = :candidate
                AND revoked_at IS NULL LIMIT 1
                """).setParameter("member", memberId).setParameter("candidate", candidateId).getResultList().isEmpty();
    }
}
