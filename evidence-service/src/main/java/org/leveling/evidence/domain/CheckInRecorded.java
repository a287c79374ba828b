package org.leveling.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** A manager recorded a check-in with ratings toward a target level (the notes stay here). */
public record CheckInRecorded(String checkInId, String subjectId, String managerId, LocalDate date,
        String frameworkKey, int frameworkVersion, String targetLevel, List<CheckIn.Rating> ratings,
        Instant recordedAt) implements DomainEvent {
}
