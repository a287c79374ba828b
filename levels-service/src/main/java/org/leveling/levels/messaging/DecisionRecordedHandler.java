package org.leveling.levels.messaging;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.levels.domain.LevelAssignment;
import org.leveling.levels.domain.LevelHistoryService;

/**
 * Closes the loop: a committee's PROMOTED decision (from promotion-service) becomes a PROMOTION
 * entry in the candidate's level history, once. A decision that replaces a PROMOTED one after an
 * appeal with another outcome undoes that promotion with a CORRECTION entry. Other outcomes change
 * nothing here.
 */
@ApplicationScoped
public class DecisionRecordedHandler implements EventHandler<DecisionRecordedHandler.DecisionRecorded> {

    public static final String TYPE = "org.leveling.promotions.decision-recorded.v1";

    /** Data of decision-recorded.v1 as levels-service reads it (schema in docs/events/). */
    public record DecisionRecorded(
            @NotBlank String decisionId,
            @NotBlank String nominationId,
            @NotBlank String candidateId,
            @NotBlank String outcome,
            @NotBlank String frameworkKey,
            @NotNull @Min(1) Integer frameworkVersion,
            @NotBlank String targetLevel,
            @NotNull LocalDate effectiveDate,
            Instant decidedAt,
            String supersedesDecisionId) {
    }

    private final LevelHistoryService levels;

    public DecisionRecordedHandler(LevelHistoryService levels) {
        this.levels = levels;
    }

    @Override
    public String topic() {
        return Topics.PROMOTIONS;
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Class<DecisionRecorded> payloadType() {
        return DecisionRecorded.class;
    }

    @Override
    public void apply(ReceivedEvent event, DecisionRecorded decision) {
        String source = event.source().startsWith("/") ? event.source().substring(1) : event.source();
        // recorded_by and the audit actor hold 64 characters; a CloudEvents source may be longer.
        String producer = source.length() <= 64 ? source : source.substring(0, 64);
        if (!"PROMOTED".equals(decision.outcome())) {
            if (decision.supersedesDecisionId() != null) {
                levels.revertPromotion(event.type(), event.id(), producer, decision.candidateId(),
                        decision.supersedesDecisionId(), decision.decisionId());
            }
            return;
        }
        levels.applyPromotion(event.type(), event.id(), producer, decision.candidateId(),
                new LevelHistoryService.LevelChange(decision.frameworkKey(), decision.frameworkVersion(),
                        decision.targetLevel(), decision.effectiveDate(), LevelAssignment.Reason.PROMOTION,
                        decision.decisionId()));
    }
}
