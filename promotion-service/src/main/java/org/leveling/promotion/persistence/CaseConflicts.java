package org.leveling.promotion.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The conflicts of interest on a case that its tables record, read in one round trip: members who
 * declared a recusal, and whoever acknowledged or endorsed evidence in the case's packet.
 */
@ApplicationScoped
public class CaseConflicts {

    /** One recorded conflict; {@code reason} is {@code RECUSED} or {@code ATTESTED_EVIDENCE}. */
    public record Recorded(String employeeId, String reason) {
    }

    private final EntityManager entityManager;

    public CaseConflicts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Recusals first, then attesters, each in the order the database holds them. */
    public List<Recorded> of(String nominationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT member_id, 'RECUSED' FROM recusal WHERE nomination_id = :id
                UNION ALL
                SELECT a.attester_id, 'ATTESTED_EVIDENCE' FROM packet_evidence p
                JOIN evidence_attestation a ON a.evidence_id = p.evidence_id WHERE p.nomination_id = :id
                """).setParameter("id", nominationId).getResultList();
        return rows.stream().map(row -> new Recorded((String) row[0], (String) row[1])).toList();
    }

    /**
     * Whether the person chairs a committee of the cycle other than {@code exceptCommitteeId}: one
     * yes/no from the database, whatever the cycle holds, without loading its committees.
     */
    public boolean chairsAnotherCommittee(String cycleId, String exceptCommitteeId, String employeeId,
            String chairRole) {
        return (Boolean) entityManager.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM committee WHERE cycle_id = :cycle AND id <> :committee
                    AND members @> jsonb_build_array(jsonb_build_object('employeeId', :member, 'role', :chair)))
                """).setParameter("cycle", cycleId)
                .setParameter("committee", exceptCommitteeId == null ? "" : exceptCommitteeId)
                .setParameter("member", employeeId).setParameter("chair", chairRole)
                .getSingleResult();
    }
}
