package org.leveling.promotion.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.cycle-transitioned.v1} on {@code leveling.promotions}, keyed by
 * cycle id: a cycle was planned ({@code from} null) or moved one step. Schema:
 * docs/events/org.leveling.promotions.cycle-transitioned.v1.json.
 */
public record CycleTransitionedV1(String cycleId, String name, String frameworkKey, List<String> orgUnits,
        String from, String to, Instant transitionedAt, String transitionedBy) {

    public static final String TYPE = "org.leveling.promotions.cycle-transitioned.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "cycle", cycleId, TYPE, this);
    }
}
