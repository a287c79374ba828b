package org.leveling.promotion.domain.appeal;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** The candidate or the nominator appealed a decision. */
public record AppealFiled(String appealId, String decisionId, String nominationId, String cycleId,
        Appeal.AppellantRole appellantRole, Instant filedAt) implements DomainEvent {
}
