package org.leveling.promotion.domain.decision;

import java.time.Instant;
import java.time.LocalDate;
import org.leveling.promotion.domain.nomination.CaseStanding;
import org.leveling.promotion.domain.nomination.CaseStandingChanged;
import org.leveling.promotion.domain.nomination.Outcome;
import org.leveling.promotion.domain.voting.Tally;

/** A decision came into force for a case (superseding another after an upheld appeal). */
public record DecisionRecorded(String decisionId, String nominationId, String cycleId, String candidateId,
        Outcome outcome, String frameworkKey, int frameworkVersion, String targetLevel, LocalDate effectiveDate,
        Instant decidedAt, String supersedesDecisionId, boolean override, Tally votes,
        CaseStanding standingBefore, CaseStanding standingAfter) implements CaseStandingChanged {
}
