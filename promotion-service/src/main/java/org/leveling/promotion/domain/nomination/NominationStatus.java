package org.leveling.promotion.domain.nomination;

/**
 * draft → submitted (waiting for its packet) → in review → decided; withdrawn from any state before
 * the decision.
 */
public enum NominationStatus {
    DRAFT, SUBMITTED, IN_REVIEW, DECIDED, WITHDRAWN;

    public boolean isOpen() {
        return this != DECIDED && this != WITHDRAWN;
    }
}
