package org.leveling.promotion.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.recusal-declared.v1} on {@code leveling.promotions}, keyed by
 * nomination id: a committee member recused themselves from a case (the reason stays here);
 * evidence-service ends their access to the candidate's evidence. Schema:
 * docs/events/org.leveling.promotions.recusal-declared.v1.json.
 */
public record RecusalDeclaredV1(String nominationId, String committeeId, String memberId, Instant declaredAt) {

    public static final String TYPE = "org.leveling.promotions.recusal-declared.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
