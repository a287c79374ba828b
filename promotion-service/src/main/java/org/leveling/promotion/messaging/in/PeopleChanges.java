package org.leveling.promotion.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.leveling.common.changes.EventCause;
import org.leveling.common.people.DirectoryPersonChanged;
import org.leveling.promotion.domain.nomination.CaseEligibility;

/**
 * A person changed in levels-service (their manager, so everyone's chain below them): committee
 * members of the open cases of that person and everyone below may have become conflicted. The
 * person event itself is applied by common's {@code PeopleDirectoryEvents}, which tells this class
 * in the same inbox transaction.
 */
@ApplicationScoped
public class PeopleChanges {

    private final CaseEligibility eligibility;

    public PeopleChanges(CaseEligibility eligibility) {
        this.eligibility = eligibility;
    }

    void personChanged(@Observes DirectoryPersonChanged change) {
        eligibility.personChanged(change.employeeId(),
                new EventCause("levels-service", change.eventType(), change.eventId()));
    }
}
