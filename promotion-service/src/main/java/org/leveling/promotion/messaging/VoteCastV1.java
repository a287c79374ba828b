package org.leveling.promotion.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.vote-cast.v1} on {@code leveling.promotions}, keyed by nomination
 * id: an eligible member cast or changed their vote. Which competencies they wrote notes on, never
 * the rationale or the notes. Schema: docs/events/org.leveling.promotions.vote-cast.v1.json.
 */
public record VoteCastV1(String nominationId, String cycleId, String committeeId, String memberId, String choice,
        List<String> notedCompetencies, int revision, Instant castAt) {

    public static final String TYPE = "org.leveling.promotions.vote-cast.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
