package org.leveling.evidence.domain;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** Evidence was withdrawn by its author or subject; it counts nowhere from now on. */
public record EvidenceWithdrawn(String evidenceId, String subjectId, String withdrawnBy, EvidenceStatus previousStatus,
        Instant withdrawnAt) implements DomainEvent {
}
