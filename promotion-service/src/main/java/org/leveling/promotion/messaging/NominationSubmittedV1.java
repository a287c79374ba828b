package org.leveling.promotion.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.promotions.nomination-submitted.v1} on {@code leveling.promotions}, keyed by
 * nomination id: evidence-service grants the eligible members access and answers with the packet.
 * The candidate's org unit, manager and the target's track (as of submission) let calibration
 * consumers group cases without a people read model. Schema (the contract agreed with evidence-service): docs/events/org.leveling.promotions.nomination-submitted.v1.json.
 */
public record NominationSubmittedV1(String nominationId, String cycleId, String candidateId, String nominatorId,
        String frameworkKey, int frameworkVersion, String targetLevel, String committeeId,
        List<String> committeeMembers, Instant submittedAt, String candidateOrgUnit, String candidateManagerId,
        String targetTrack) {

    public static final String TYPE = "org.leveling.promotions.nomination-submitted.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
