package org.leveling.levels.domain;

import org.leveling.common.changes.DomainEvent;

/**
 * A second hr-admin approved (the entry {@code historyEntryId} was appended, its level change
 * caused just before) or rejected a proposed level change.
 */
public record LevelChangeProposalDecided(LevelChangeProposal.Snapshot proposal) implements DomainEvent {
}
