package org.leveling.promotion.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A decision came into force for a case (superseding another after an upheld appeal). */
public record DecisionRecorded(String decisionId, String nominationId, String cycleId, String candidateId,
        Outcome outcome, String frameworkKey, int frameworkVersion, String targetLevel, LocalDate effectiveDate,
        Instant decidedAt, String supersedesDecisionId, boolean override, Decision.Tally votes,
        CaseStanding standingBefore, CaseStanding standingAfter) implements CaseStandingChanged {
}
