package org.leveling.levels.messaging;

/** The Kafka topics levels-service publishes to and reads, in one place. */
public final class Topics {

    /** Person upserted, level changed, level change proposed and decided (keyed by employee id), area owner changed (keyed by area key). */
    public static final String PEOPLE = "leveling.levels.people";

    /** Framework published and retired, keyed by framework key. */
    public static final String FRAMEWORKS = "leveling.levels.frameworks";

    /** promotion-service's events; decision-recorded is read here. */
    public static final String PROMOTIONS = "leveling.promotions";

    private Topics() {
    }
}
