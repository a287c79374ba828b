package org.leveling.promotion.domain.nomination;

import org.leveling.common.changes.DomainEvent;

/**
 * A domain event that moves a case's calibration standing (submission, review, withdrawal,
 * decision); the calibration ledger observes it in the transaction of the change.
 */
public interface CaseStandingChanged extends DomainEvent {

    CaseStanding standingBefore();

    CaseStanding standingAfter();
}
