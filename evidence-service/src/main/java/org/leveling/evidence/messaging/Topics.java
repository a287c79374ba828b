package org.leveling.evidence.messaging;

/** The Kafka topics evidence-service publishes to and reads, in one place (the people and framework topics are read by common's read models). */
public final class Topics {

    /** Evidence submitted, attested and withdrawn, check-ins, packets. */
    public static final String EVIDENCE = "leveling.evidence";

    /** promotion-service's events: submissions, recusals, eligibility changes, decisions, withdrawals are read here. */
    public static final String PROMOTIONS = "leveling.promotions";

    private Topics() {
    }
}
