package org.leveling.promotion.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.nomination-withdrawn.v1} on {@code leveling.promotions}, keyed by
 * nomination id: the case ended without a decision; evidence-service ends the committee's access.
 * {@code wasSubmitted} tells calibration consumers whether the case had counted as a nomination.
 * Schema: docs/events/org.leveling.promotions.nomination-withdrawn.v1.json.
 */
public record NominationWithdrawnV1(String nominationId, String cycleId, String candidateId, String withdrawnBy,
        boolean wasSubmitted, Instant withdrawnAt) {

    public static final String TYPE = "org.leveling.promotions.nomination-withdrawn.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
