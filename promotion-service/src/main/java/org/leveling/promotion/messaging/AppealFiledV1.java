package org.leveling.promotion.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.appeal-filed.v1} on {@code leveling.promotions}, keyed by
 * nomination id: the candidate or the nominator appealed a decision. The reason stays here. Schema:
 * docs/events/org.leveling.promotions.appeal-filed.v1.json.
 */
public record AppealFiledV1(String appealId, String decisionId, String nominationId, String cycleId,
        String appellantRole, Instant filedAt) {

    public static final String TYPE = "org.leveling.promotions.appeal-filed.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
