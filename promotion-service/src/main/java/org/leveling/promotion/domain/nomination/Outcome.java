package org.leveling.promotion.domain.nomination;

/** What a committee decides on a case. */
public enum Outcome {
    PROMOTED, NOT_PROMOTED, DEFERRED
}
