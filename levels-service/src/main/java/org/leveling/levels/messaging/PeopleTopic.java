package org.leveling.levels.messaging;

/** The topic of person events (upserted, later level changed), keyed by employee id. */
public final class PeopleTopic {

    public static final String NAME = "leveling.levels.people";

    private PeopleTopic() {
    }
}
