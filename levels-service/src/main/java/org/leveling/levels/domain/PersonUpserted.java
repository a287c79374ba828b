package org.leveling.levels.domain;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** A person was registered or their details changed: the directory entry as it now is (no email). */
public record PersonUpserted(String employeeId, String name, String managerId, String orgUnit, String jobFamily,
        String track, long revision, Instant upsertedAt) implements DomainEvent {
}
