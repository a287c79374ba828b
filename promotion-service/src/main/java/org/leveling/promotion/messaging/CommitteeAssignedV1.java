package org.leveling.promotion.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.promotion.domain.committee.Committee;

/**
 * {@code org.leveling.promotions.committee-assigned.v1} on {@code leveling.promotions}, keyed by
 * cycle id (a cycle's committees stay in order with its transitions): a committee was assigned
 * to some of the cycle's org units. Schema: docs/events/org.leveling.promotions.committee-assigned.v1.json.
 */
public record CommitteeAssignedV1(String committeeId, String cycleId, String name, List<String> orgUnits,
        int quorum, List<Committee.Member> members, Instant assignedAt, String assignedBy) {

    public static final String TYPE = "org.leveling.promotions.committee-assigned.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "cycle", cycleId, TYPE, this);
    }
}
