package org.leveling.promotion.domain.nomination;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.promotion.domain.committee.Candidacies;

/** Candidacies as the nominations of a cycle say. */
@ApplicationScoped
public class NominatedCandidates implements Candidacies {

    @Override
    public boolean isCandidateIn(String cycleId, String employeeId) {
        return Nomination.count("cycleId = ?1 and candidateId = ?2 and status <> ?3", cycleId, employeeId,
                NominationStatus.WITHDRAWN) > 0;
    }
}
