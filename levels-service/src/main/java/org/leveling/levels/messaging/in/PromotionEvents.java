package org.leveling.levels.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;
import org.leveling.levels.domain.LevelAssignment;
import org.leveling.levels.domain.LevelChange;
import org.leveling.levels.domain.LevelHistoryService;
import org.leveling.levels.messaging.Topics;

/**
 * What levels-service takes from promotion-service: a committee's PROMOTED decision becomes a
 * PROMOTION entry in the candidate's level history, once. A decision that replaces a PROMOTED one
 * after an appeal with another outcome undoes that promotion with a CORRECTION entry. Other
 * outcomes change nothing here.
 */
@ApplicationScoped
public class PromotionEvents {

    @Produces
    @ApplicationScoped
    EventHandler<DecisionRecorded> decisionRecorded(LevelHistoryService levels) {
        return EventHandler.of(Topics.PROMOTIONS, DecisionRecorded.TYPE, DecisionRecorded.class,
                (event, decision) -> apply(levels, event, decision));
    }

    private static void apply(LevelHistoryService levels, ReceivedEvent event, DecisionRecorded decision) {
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
                new LevelChange(decision.frameworkKey(), decision.frameworkVersion(),
                        decision.targetLevel(), decision.effectiveDate(), LevelAssignment.Reason.PROMOTION,
                        decision.decisionId()));
    }
}
