package org.leveling.promotion.domain.nomination;

import java.time.Instant;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** A nomination was submitted to its committee, whose eligible members are listed. */
public record NominationSubmitted(String nominationId, String cycleId, String candidateId, String nominatorId,
        String frameworkKey, int frameworkVersion, String targetLevel, String committeeId,
        List<String> committeeMembers, Instant submittedAt, String candidateOrgUnit, String candidateManagerId,
        String targetTrack, CaseStanding standingBefore, CaseStanding standingAfter) implements CaseStandingChanged {
}
