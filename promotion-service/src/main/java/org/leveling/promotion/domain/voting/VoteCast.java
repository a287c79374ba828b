package org.leveling.promotion.domain.voting;

import java.time.Instant;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** A member cast or changed their vote (the rationale and notes stay here: blind until the decision). */
public record VoteCast(String nominationId, String cycleId, String committeeId, String memberId, VoteChoice choice,
        List<String> notedCompetencies, int revision, Instant castAt) implements DomainEvent {
}
