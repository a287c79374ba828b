package org.leveling.levels.messaging;

/** The topic of framework events (published, retired), keyed by framework key. */
public final class FrameworksTopic {

    public static final String NAME = "leveling.levels.frameworks";

    private FrameworksTopic() {
    }
}
