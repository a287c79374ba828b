package org.leveling.promotion.domain.committee;

/** A committee has one chair (who records decisions) and members. */
public enum CommitteeRole {
    CHAIR, MEMBER
}
