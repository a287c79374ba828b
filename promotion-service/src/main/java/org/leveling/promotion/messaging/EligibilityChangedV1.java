package org.leveling.promotion.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.eligibility-changed.v1} on {@code leveling.promotions}, keyed by
 * nomination id: members of a case's committee lost their eligibility after submission because a
 * conflict of interest arose (the org chart changed, they attested evidence in the packet). Their
 * votes stop counting; evidence-service ends their access to the candidate's evidence. Schema:
 * docs/events/org.leveling.promotions.eligibility-changed.v1.json.
 */
public record EligibilityChangedV1(String nominationId, String cycleId, String committeeId, List<Removed> removed,
        List<String> eligibleMembers, int quorum, boolean quorumReachable, Instant changedAt) {

    public static final String TYPE = "org.leveling.promotions.eligibility-changed.v1";

    /** A member taken off the case, and the conflict that took them off. */
    public record Removed(String memberId, String reason) {
    }

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
