package org.leveling.promotion.messaging;

/** The Kafka topics promotion-service publishes to and reads, in one place (the people and framework topics are read by common's read models). */
public final class Topics {

    /** Cycles, committees, nominations, votes, decisions and appeals, keyed by cycle or nomination id. */
    public static final String PROMOTIONS = "leveling.promotions";

    /** evidence-service's events: packets and attestations are read here. */
    public static final String EVIDENCE = "leveling.evidence";

    private Topics() {
    }
}
