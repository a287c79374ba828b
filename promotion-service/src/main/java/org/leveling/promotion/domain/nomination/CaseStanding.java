package org.leveling.promotion.domain.nomination;

import java.math.BigDecimal;

/**
 * What a case contributes to its cycle's calibration numbers: nothing until submitted, nothing once
 * withdrawn; otherwise its groups (org unit, level, track, manager as at submission), its outcome,
 * whether it overrode the readiness verdict, and its readiness score.
 */
public record CaseStanding(boolean counted, String cycleId, String orgUnit, String targetLevel, String track,
        String manager, Outcome outcome, boolean override, BigDecimal readiness) {

    public static CaseStanding of(Nomination n) {
        boolean counted = n.submittedAt() != null && n.status() != NominationStatus.WITHDRAWN;
        return new CaseStanding(counted, n.cycleId(), n.candidateOrgUnit(), n.targetLevel(), n.targetTrack(),
                n.candidateManagerId(), n.outcome(), Boolean.TRUE.equals(n.override()), n.readinessScore());
    }
}
