package org.leveling.promotion.domain.nomination;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.persistence.PacketEvidenceRows;

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

    private final PacketEvidenceRows evidenceRows;
    private final CaseAccess cases;
    private final ChangeRecorder changes;
    private final Clock clock;

    public CaseEligibility(PacketEvidenceRows evidenceRows, CaseAccess cases, ChangeRecorder changes,
            Clock clock) {
        this.evidenceRows = evidenceRows;
        this.cases = cases;
        this.changes = changes;
        this.clock = clock;
    }

    /** A person's manager (or anything else) changed: re-checks the open cases of them and everyone below them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personChanged(String employeeId, EventCause cause) {
        recheck(evidenceRows.openCasesOfOrBelow(employeeId), cause);
    }

    /** Someone acknowledged or endorsed a piece of evidence: re-checks the open cases whose packet holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evidenceAttested(String evidenceId, String attesterId, String kind, Instant attestedAt, EventCause cause) {
        evidenceRows.recordAttestation(evidenceId, attesterId, kind, attestedAt, cause.eventId());
        recheck(evidenceRows.openCasesHolding(evidenceId), cause);
    }

    /** The packet arrived: its evidence is recorded, and whoever attested it is off the case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void packetFrozen(Nomination nomination, Collection<String> evidenceIds, EventCause cause) {
        for (String evidenceId : evidenceIds) {
            evidenceRows.addToPacket(nomination.id(), evidenceId);
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
