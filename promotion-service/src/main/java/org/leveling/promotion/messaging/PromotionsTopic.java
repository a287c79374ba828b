package org.leveling.promotion.messaging;

/** The topic of everything promotion-service publishes. */
public final class PromotionsTopic {

    public static final String NAME = "leveling.promotions";

    private PromotionsTopic() {
    }
}
