package org.leveling.promotion.domain.nomination;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.common.security.ManagementChains;
import org.leveling.promotion.domain.committee.Committee;

/**
 * Keeps each open case's eligible members in step with the conflicts of interest that arise after
 * submission: when the org chart changes, when someone attests evidence of the packet, and when the
 * packet arrives (its attesters become known). A member who becomes conflicted is taken off the case
 * for good, in the transaction of the event that caused it, with an eligibility-changed event and an
 * audit row. Every check of a vote, decision or read also applies the conflicts live
 * ({@link CaseAccess#eligibleMembers}), so nothing depends on this having run first.
 */
@ApplicationScoped
public class CaseEligibility {

    private final EntityManager entityManager;
    private final CaseAccess cases;
    private final ChangeRecorder changes;
    private final Clock clock;

    public CaseEligibility(EntityManager entityManager, CaseAccess cases, ChangeRecorder changes,
            Clock clock) {
        this.entityManager = entityManager;
        this.cases = cases;
        this.changes = changes;
        this.clock = clock;
    }

    /** A person's manager (or anything else) changed: re-checks the open cases of them and everyone below them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personChanged(String employeeId, EventCause cause) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("""
                WITH RECURSIVE below (employee_id, depth) AS (
                    SELECT CAST(:id AS varchar), 0
                    UNION
                    SELECT p.employee_id, b.depth + 1 FROM directory_person p JOIN below b ON p.manager_id = b.employee_id
                    WHERE b.depth < :maxDepth
                )
                SELECT n.id FROM nomination n WHERE n.status IN ('SUBMITTED', 'IN_REVIEW')
                AND n.candidate_id IN (SELECT employee_id FROM below) ORDER BY n.id
                """).setParameter("id", employeeId).setParameter("maxDepth", ManagementChains.MAX_CHAIN_DEPTH)
                .getResultList();
        recheck(ids, cause);
    }

    /** Someone acknowledged or endorsed a piece of evidence: re-checks the open cases whose packet holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evidenceAttested(String evidenceId, String attesterId, String kind, Instant attestedAt, EventCause cause) {
        entityManager.createNativeQuery("""
                INSERT INTO evidence_attestation (evidence_id, attester_id, kind, attested_at, source_event_id)
                VALUES (:evidence, :attester, :kind, :at, :eventId) ON CONFLICT DO NOTHING
                """).setParameter("evidence", evidenceId).setParameter("attester", attesterId)
                .setParameter("kind", kind).setParameter("at", Timestamp.from(attestedAt))
                .setParameter("eventId", cause.eventId()).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("""
                SELECT n.id FROM nomination n JOIN packet_evidence p ON p.nomination_id = n.id
                WHERE p.evidence_id = :evidence AND n.status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY n.id
                """).setParameter("evidence", evidenceId).getResultList();
        recheck(ids, cause);
    }

    /** The packet arrived: its evidence is recorded, and whoever attested it is off the case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void packetFrozen(Nomination nomination, Collection<String> evidenceIds, EventCause cause) {
        for (String evidenceId : evidenceIds) {
            entityManager.createNativeQuery("""
                    INSERT INTO packet_evidence (nomination_id, evidence_id) VALUES (:nomination, :evidence)
                    ON CONFLICT DO NOTHING
                    """).setParameter("nomination", nomination.id()).setParameter("evidence", evidenceId)
                    .executeUpdate();
        }
        reconcile(nomination, cause);
    }

    private void recheck(List<String> nominationIds, EventCause cause) {
        for (String id : nominationIds) {
            reconcile(Nomination.findById(id, LockModeType.PESSIMISTIC_WRITE), cause);
        }
    }

    /** Takes the members who are conflicted now off an open case; nothing when none is. */
    void reconcile(Nomination nomination, EventCause cause) {
        if (nomination.status() != NominationStatus.SUBMITTED && nomination.status() != NominationStatus.IN_REVIEW) {
            return;
        }
        Map<String, ConflictReason> conflicts = cases.conflictsOfInterest(nomination);
        List<EligibilityChanged.Removed> removed = nomination.eligibleMembers().stream()
                .filter(conflicts::containsKey)
                .map(m -> new EligibilityChanged.Removed(m, conflicts.get(m))).toList();
        if (removed.isEmpty()) {
            return;
        }
        NominationService.Summary before = NominationService.Summary.of(nomination);
        Instant now = clock.instant();
        nomination.loseEligibility(removed.stream().map(EligibilityChanged.Removed::memberId).toList(), now);
        int quorum = Committee.<Committee>findById(nomination.committeeId()).quorum();
        changes.record(cause, Change.of("nomination", nomination.id(), before, NominationService.Summary.of(nomination))
                .causing(new EligibilityChanged(nomination.id(), nomination.cycleId(), nomination.committeeId(),
                        removed, nomination.eligibleMembers(), quorum, nomination.eligibleMembers().size() >= quorum,
                        now)));
    }
}
