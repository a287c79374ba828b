package org.leveling.promotion.domain.nomination;

import java.time.Instant;

/** A case ended without a decision. */
public record NominationWithdrawn(String nominationId, String cycleId, String candidateId, String withdrawnBy,
        boolean wasSubmitted, Instant withdrawnAt, CaseStanding standingBefore, CaseStanding standingAfter)
        implements CaseStandingChanged {
}
