package org.leveling.promotion.domain.cycle;

import java.time.Instant;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** A cycle was planned ({@code from} null) or moved one step. */
public record CycleTransitioned(String cycleId, String name, String frameworkKey, List<String> orgUnits,
        CycleState from, CycleState to, Instant transitionedAt, String transitionedBy) implements DomainEvent {
}
