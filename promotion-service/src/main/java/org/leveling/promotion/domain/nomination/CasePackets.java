package org.leveling.promotion.domain.nomination;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.CurrentUser;
import org.leveling.promotion.persistence.NominationPackets;

/**
 * The case's packet, frozen as evidence-service assembled it: stored once when it arrives (the case
 * then enters review) and read by those who review the case.
 */
@ApplicationScoped
public class CasePackets {

    private final NominationPackets packets;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CaseAccess cases;
    private final CaseEligibility eligibility;

    public CasePackets(NominationPackets packets, ChangeRecorder changes, CurrentUser currentUser, Clock clock,
            CaseAccess cases, CaseEligibility eligibility) {
        this.packets = packets;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
        this.cases = cases;
        this.eligibility = eligibility;
    }

    /**
     * Freezes evidence-service's packet and puts the case in review; a second packet changes
     * nothing. False for a nomination unknown here (nothing is written).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean received(String nominationId, String payload, BigDecimal readinessScore,
            List<String> evidenceIds, EventCause cause) {
        Nomination nomination = Nomination.findById(nominationId, LockModeType.PESSIMISTIC_WRITE);
        if (nomination == null) {
            return false;
        }
        boolean frozen = packets.freeze(nominationId, payload, clock.instant(), cause.eventId());
        if (frozen && nomination.status() == NominationStatus.SUBMITTED) {
            NominationService.Summary before = NominationService.Summary.of(nomination);
            CaseStanding standing = CaseStanding.of(nomination);
            nomination.enterReview(readinessScore, clock.instant());
            changes.record(cause, Change.of("nomination", nominationId, before, NominationService.Summary.of(nomination))
                    .causing(new NominationInReview(nominationId, standing, CaseStanding.of(nomination))));
            eligibility.packetFrozen(nomination, evidenceIds, cause);
        }
        return true;
    }

    /**
     * The frozen packet, for the eligible members, hr-admin and, while an appeal is open, the chairs who
     * may decide it — none of them with a conflict of interest on the case (so never the candidate, the
     * nominator or the candidate's management chain).
     */
    @Transactional
    public String read(String id) {
        Nomination nomination = cases.visible(id);
        if (!cases.mayReview(currentUser.caller(), nomination)) {
            throw new ResourceNotFoundException("packet", id);
        }
        return packets.payload(id).orElseThrow(() -> new ResourceNotFoundException("packet", id));
    }
}
