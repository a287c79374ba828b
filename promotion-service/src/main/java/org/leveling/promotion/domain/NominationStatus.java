package org.leveling.promotion.domain;

/** draft → submitted (waiting for its packet) → in review; a draft can be withdrawn. */
public enum NominationStatus {
    DRAFT, SUBMITTED, IN_REVIEW, WITHDRAWN
}
