package org.leveling.levels.messaging;

import java.time.LocalDate;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.people.level-changed.v1} on {@code leveling.levels.people}, keyed by employee
 * id: a new entry in the person's level history. Schema:
 * docs/events/org.leveling.people.level-changed.v1.json.
 */
public record LevelChangedV1(String employeeId, String frameworkKey, int frameworkVersion, String level,
        String previousLevel, LocalDate effectiveFrom, String reason, String sourceRef, long historyEntryId) {

    public static final String TYPE = "org.leveling.people.level-changed.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PEOPLE, "person", employeeId, TYPE, this);
    }
}
