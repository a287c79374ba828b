package org.leveling.promotion.domain.voting;

import org.leveling.promotion.domain.nomination.Outcome;

/** Counts of a case's votes by choice (the eligible members'), and what their majority says. */
public record Tally(int approve, int reject, int abstain) {

    /** PROMOTED when approvals outnumber rejections, NOT_PROMOTED the other way round, null on a tie. */
    public Outcome majority() {
        if (approve > reject) {
            return Outcome.PROMOTED;
        }
        return reject > approve ? Outcome.NOT_PROMOTED : null;
    }

    public int cast() {
        return approve + reject + abstain;
    }
}
