package org.leveling.promotion.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.appeal-decided.v1} on {@code leveling.promotions}, keyed by
 * nomination id: an appeal was upheld (then {@code newDecisionId} names the decision that replaces
 * the appealed one, published as its own decision-recorded) or dismissed. Schema:
 * docs/events/org.leveling.promotions.appeal-decided.v1.json.
 */
public record AppealDecidedV1(String appealId, String decisionId, String nominationId, String cycleId,
        String result, String newDecisionId, String decidedBy, Instant decidedAt) {

    public static final String TYPE = "org.leveling.promotions.appeal-decided.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
