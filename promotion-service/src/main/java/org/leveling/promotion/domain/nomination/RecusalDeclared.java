package org.leveling.promotion.domain.nomination;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** A committee member recused themselves from a case. */
public record RecusalDeclared(String nominationId, String committeeId, String memberId, Instant declaredAt)
        implements DomainEvent {
}
