package org.leveling.promotion.domain.nomination;

import java.time.Instant;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** Members became conflicted on an open case and were taken off it; whether its quorum can still be reached. */
public record EligibilityChanged(String nominationId, String cycleId, String committeeId, List<Removed> removed,
        List<String> eligibleMembers, int quorum, boolean quorumReachable, Instant changedAt) implements DomainEvent {

    /** A member taken off the case, and why. */
    public record Removed(String memberId, ConflictReason reason) {
    }
}
