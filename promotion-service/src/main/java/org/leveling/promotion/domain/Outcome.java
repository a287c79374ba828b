package org.leveling.promotion.domain;

/** What a committee decides on a case. */
public enum Outcome {
    PROMOTED, NOT_PROMOTED, DEFERRED
}
