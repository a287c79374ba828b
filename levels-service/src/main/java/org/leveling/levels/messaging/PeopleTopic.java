package org.leveling.levels.messaging;

/**
 * The topic of people events: person upserted, level changed and level change proposed and decided
 * (keyed by employee id), area owner changed (keyed by area key).
 */
public final class PeopleTopic {

    public static final String NAME = "leveling.levels.people";

    private PeopleTopic() {
    }
}
