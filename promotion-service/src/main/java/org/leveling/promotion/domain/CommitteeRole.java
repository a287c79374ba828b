package org.leveling.promotion.domain;

/** A committee has one chair (who records decisions) and members. */
public enum CommitteeRole {
    CHAIR, MEMBER
}
