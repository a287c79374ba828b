package org.leveling.evidence.messaging;

/** The topic of everything evidence-service publishes: evidence, check-ins and packets. */
public final class EvidenceTopic {

    public static final String NAME = "leveling.evidence";

    private EvidenceTopic() {
    }
}
