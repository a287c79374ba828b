package org.leveling.promotion.messaging;

import java.time.Instant;
import java.time.LocalDate;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.promotion.domain.voting.Tally;

/**
 * {@code org.leveling.promotions.decision-recorded.v1} on {@code leveling.promotions}, keyed by
 * nomination id: the contract levels-service (PROMOTED → level history) and evidence-service (end of
 * committee access) consume. No rationale text. Schema:
 * docs/events/org.leveling.promotions.decision-recorded.v1.json.
 */
public record DecisionRecordedV1(String decisionId, String nominationId, String cycleId, String candidateId,
        String outcome, String frameworkKey, int frameworkVersion, String targetLevel, LocalDate effectiveDate,
        Instant decidedAt, String supersedesDecisionId, boolean override, Tally votes) {

    public static final String TYPE = "org.leveling.promotions.decision-recorded.v1";

    /** The votes of eligible members when the decision was recorded. */
    public record Tally(int approve, int reject, int abstain) {
    }

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PROMOTIONS, "nomination", nominationId, TYPE, this);
    }
}
