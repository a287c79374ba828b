package org.leveling.evidence.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.inbox.EventHandler;
import org.leveling.evidence.domain.PacketService;

/**
 * What evidence-service takes from promotion-service's topic: a submitted nomination gets its packet
 * and gives its committee read access; a recusal or a conflict of interest that arose later ends one
 * member's access; a decision or a withdrawal
 * ends the committee's.
 */
@ApplicationScoped
public class PromotionEventHandlers {

    @Produces
    @ApplicationScoped
    EventHandler<NominationSubmitted> nominationSubmitted(PacketService packets) {
        return EventHandler.of(NominationSubmitted.TOPIC, NominationSubmitted.TYPE, NominationSubmitted.class,
                (event, nomination) -> packets.nominationSubmitted(nomination, event.id()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<RecusalDeclared> recusalDeclared(PacketService packets) {
        return EventHandler.of(NominationSubmitted.TOPIC, RecusalDeclared.TYPE, RecusalDeclared.class,
                (event, recusal) -> packets.recusalDeclared(recusal, event.id()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<EligibilityChanged> eligibilityChanged(PacketService packets) {
        return EventHandler.of(NominationSubmitted.TOPIC, EligibilityChanged.TYPE, EligibilityChanged.class,
                (event, change) -> packets.eligibilityChanged(change, event.id()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<DecisionRecorded> decisionRecorded(PacketService packets) {
        return EventHandler.of(NominationSubmitted.TOPIC, DecisionRecorded.TYPE, DecisionRecorded.class,
                (event, decision) -> packets.caseEnded(decision.nominationId(), DecisionRecorded.TYPE, event.id()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<NominationWithdrawn> nominationWithdrawn(PacketService packets) {
        return EventHandler.of(NominationSubmitted.TOPIC, NominationWithdrawn.TYPE, NominationWithdrawn.class,
                (event, withdrawn) -> packets.caseEnded(withdrawn.nominationId(), NominationWithdrawn.TYPE,
                        event.id()));
    }
}
