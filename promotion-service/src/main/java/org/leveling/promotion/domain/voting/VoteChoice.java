package org.leveling.promotion.domain.voting;

/** A member's vote on a case; abstentions count towards the quorum but not the majority. */
public enum VoteChoice {
    APPROVE, REJECT, ABSTAIN
}
