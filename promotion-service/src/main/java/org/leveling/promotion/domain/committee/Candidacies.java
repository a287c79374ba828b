package org.leveling.promotion.domain.committee;

/** Who is a candidate where, as the committees need to know it (implemented by the nominations). */
public interface Candidacies {

    /** Whether {@code employeeId} has a nomination in {@code cycleId} that was not withdrawn. */
    boolean isCandidateIn(String cycleId, String employeeId);
}
