package org.leveling.levels.domain;

import org.leveling.common.changes.DomainEvent;

/** An hr-admin proposed a manual level change, which waits for a second hr-admin. */
public record LevelChangeProposed(LevelChangeProposal.Snapshot proposal) implements DomainEvent {
}
