package org.leveling.promotion.messaging.out;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.changes.DomainEvent;
import org.leveling.common.changes.WireEvents;
import org.leveling.common.outbox.OutboxEvent;
import org.leveling.promotion.domain.appeal.AppealDecided;
import org.leveling.promotion.domain.appeal.AppealFiled;
import org.leveling.promotion.domain.committee.CommitteeAssigned;
import org.leveling.promotion.domain.cycle.CycleTransitioned;
import org.leveling.promotion.domain.decision.DecisionRecorded;
import org.leveling.promotion.domain.nomination.EligibilityChanged;
import org.leveling.promotion.domain.nomination.NominationInReview;
import org.leveling.promotion.domain.nomination.NominationSubmitted;
import org.leveling.promotion.domain.nomination.NominationWithdrawn;
import org.leveling.promotion.domain.nomination.RecusalDeclared;
import org.leveling.promotion.domain.voting.VoteCast;
import org.leveling.promotion.messaging.AppealDecidedV1;
import org.leveling.promotion.messaging.AppealFiledV1;
import org.leveling.promotion.messaging.CommitteeAssignedV1;
import org.leveling.promotion.messaging.CycleTransitionedV1;
import org.leveling.promotion.messaging.DecisionRecordedV1;
import org.leveling.promotion.messaging.EligibilityChangedV1;
import org.leveling.promotion.messaging.NominationSubmittedV1;
import org.leveling.promotion.messaging.NominationWithdrawnV1;
import org.leveling.promotion.messaging.RecusalDeclaredV1;
import org.leveling.promotion.messaging.VoteCastV1;

/** promotion-service's domain events as the versioned records of {@code leveling.promotions} (docs/events/). */
@ApplicationScoped
public class PromotionWireEvents implements WireEvents {

    @Override
    public List<OutboxEvent> toWire(DomainEvent event) {
        if (event instanceof NominationInReview) {
            return List.of(); // evidence-service's packet-assembled already says it
        }
        return List.of(wireRecordOf(event));
    }

    private static OutboxEvent wireRecordOf(DomainEvent event) {
        if (event instanceof CycleTransitioned e) {
            return new CycleTransitionedV1(e.cycleId(), e.name(), e.frameworkKey(), e.orgUnits(),
                    e.from() == null ? null : e.from().name(), e.to().name(), e.transitionedAt(), e.transitionedBy())
                    .toOutbox();
        }
        if (event instanceof CommitteeAssigned e) {
            return new CommitteeAssignedV1(e.committeeId(), e.cycleId(), e.name(), e.orgUnits(), e.quorum(),
                    e.members(), e.assignedAt(), e.assignedBy()).toOutbox();
        }
        if (event instanceof NominationSubmitted e) {
            return new NominationSubmittedV1(e.nominationId(), e.cycleId(), e.candidateId(), e.nominatorId(),
                    e.frameworkKey(), e.frameworkVersion(), e.targetLevel(), e.committeeId(), e.committeeMembers(),
                    e.submittedAt(), e.candidateOrgUnit(), e.candidateManagerId(), e.targetTrack()).toOutbox();
        }
        if (event instanceof NominationWithdrawn e) {
            return new NominationWithdrawnV1(e.nominationId(), e.cycleId(), e.candidateId(), e.withdrawnBy(),
                    e.wasSubmitted(), e.withdrawnAt()).toOutbox();
        }
        if (event instanceof RecusalDeclared e) {
            return new RecusalDeclaredV1(e.nominationId(), e.committeeId(), e.memberId(), e.declaredAt()).toOutbox();
        }
        if (event instanceof EligibilityChanged e) {
            return new EligibilityChangedV1(e.nominationId(), e.cycleId(), e.committeeId(),
                    e.removed().stream().map(r -> new EligibilityChangedV1.Removed(r.memberId(), r.reason().name()))
                            .toList(),
                    e.eligibleMembers(), e.quorum(), e.quorumReachable(), e.changedAt()).toOutbox();
        }
        if (event instanceof VoteCast e) {
            return new VoteCastV1(e.nominationId(), e.cycleId(), e.committeeId(), e.memberId(), e.choice().name(),
                    e.notedCompetencies(), e.revision(), e.castAt()).toOutbox();
        }
        if (event instanceof DecisionRecorded e) {
            return new DecisionRecordedV1(e.decisionId(), e.nominationId(), e.cycleId(), e.candidateId(),
                    e.outcome().name(), e.frameworkKey(), e.frameworkVersion(), e.targetLevel(), e.effectiveDate(),
                    e.decidedAt(), e.supersedesDecisionId(), e.override(),
                    new DecisionRecordedV1.Tally(e.votes().approve(), e.votes().reject(), e.votes().abstain()))
                    .toOutbox();
        }
        if (event instanceof AppealFiled e) {
            return new AppealFiledV1(e.appealId(), e.decisionId(), e.nominationId(), e.cycleId(),
                    e.appellantRole().name(), e.filedAt()).toOutbox();
        }
        if (event instanceof AppealDecided e) {
            return new AppealDecidedV1(e.appealId(), e.decisionId(), e.nominationId(), e.cycleId(), e.result().name(),
                    e.newDecisionId(), e.decidedBy(), e.decidedAt()).toOutbox();
        }
        throw new IllegalArgumentException("promotion-service does not announce " + event.getClass().getName());
    }
}
