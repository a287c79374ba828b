package org.leveling.promotion.domain.nomination;

/**
 * The candidate's packet arrived and froze: the case is under review, with its readiness score.
 * Announced by evidence-service's packet-assembled, so nothing goes on the wire for it here.
 */
public record NominationInReview(String nominationId, CaseStanding standingBefore, CaseStanding standingAfter)
        implements CaseStandingChanged {
}
