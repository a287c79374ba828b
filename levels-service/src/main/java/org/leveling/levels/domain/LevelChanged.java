package org.leveling.levels.domain;

import java.time.LocalDate;

import org.leveling.common.changes.DomainEvent;

/** A new entry in a person's level history; {@code previousLevel} is null for the first. */
public record LevelChanged(String employeeId, String frameworkKey, int frameworkVersion, String level,
        String previousLevel, LocalDate effectiveFrom, LevelAssignment.Reason reason, String sourceRef,
        long historyEntryId) implements DomainEvent {
}
