package org.leveling.promotion.domain.appeal;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** An appeal was upheld (with the new decision) or dismissed. */
public record AppealDecided(String appealId, String decisionId, String nominationId, String cycleId,
        Appeal.Status result, String newDecisionId, String decidedBy, Instant decidedAt) implements DomainEvent {
}
