package org.leveling.promotion.domain.committee;

import java.time.Instant;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** A committee was assigned to a cycle for some org units. */
public record CommitteeAssigned(String committeeId, String cycleId, String name, List<String> orgUnits, int quorum,
        List<Committee.Member> members, Instant assignedAt, String assignedBy) implements DomainEvent {
}
