package org.leveling.evidence.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.inbox.EventHandler;
import org.leveling.evidence.domain.packet.PacketService;
import org.leveling.evidence.domain.packet.SubmittedNomination;
import org.leveling.evidence.messaging.Topics;

/**
 * What evidence-service takes from promotion-service's topic: a submitted nomination gets its packet
 * and gives its committee read access; a recusal or a conflict of interest that arose later ends one
 * member's access; a decision or a withdrawal
 * ends the committee's.
 */
@ApplicationScoped
public class PromotionEvents {

    private static final String PRODUCER = "promotion-service";

    @Produces
    @ApplicationScoped
    EventHandler<NominationSubmitted> nominationSubmitted(PacketService packets) {
        return EventHandler.of(Topics.PROMOTIONS, NominationSubmitted.TYPE, NominationSubmitted.class,
                (event, nomination) -> packets.nominationSubmitted(new SubmittedNomination(nomination.nominationId(),
                        nomination.candidateId(), nomination.frameworkKey(), nomination.frameworkVersion(),
                        nomination.targetLevel(), nomination.committeeMembers()),
                        event.causeBy(PRODUCER)));
    }

    @Produces
    @ApplicationScoped
    EventHandler<RecusalDeclared> recusalDeclared(PacketService packets) {
        return EventHandler.of(Topics.PROMOTIONS, RecusalDeclared.TYPE, RecusalDeclared.class,
                (event, recusal) -> packets.memberLeft(recusal.nominationId(), recusal.memberId(),
                        event.causeBy(PRODUCER)));
    }

    @Produces
    @ApplicationScoped
    EventHandler<EligibilityChanged> eligibilityChanged(PacketService packets) {
        return EventHandler.of(Topics.PROMOTIONS, EligibilityChanged.TYPE, EligibilityChanged.class,
                (event, change) -> change.removed().forEach(removed -> packets.memberLeft(change.nominationId(),
                        removed.memberId(), event.causeBy(PRODUCER))));
    }

    @Produces
    @ApplicationScoped
    EventHandler<DecisionRecorded> decisionRecorded(PacketService packets) {
        return EventHandler.of(Topics.PROMOTIONS, DecisionRecorded.TYPE, DecisionRecorded.class,
                (event, decision) -> packets.caseEnded(decision.nominationId(), event.causeBy(PRODUCER)));
    }

    @Produces
    @ApplicationScoped
    EventHandler<NominationWithdrawn> nominationWithdrawn(PacketService packets) {
        return EventHandler.of(Topics.PROMOTIONS, NominationWithdrawn.TYPE, NominationWithdrawn.class,
                (event, withdrawn) -> packets.caseEnded(withdrawn.nominationId(),
                        event.causeBy(PRODUCER)));
    }
}
