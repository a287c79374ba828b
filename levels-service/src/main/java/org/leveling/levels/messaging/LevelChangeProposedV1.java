package org.leveling.levels.messaging;

import java.time.Instant;
import java.time.LocalDate;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.levels.domain.LevelChangeProposal;

/**
 * {@code org.leveling.people.level-change-proposed.v1} on {@code leveling.levels.people}, keyed by
 * employee id: an hr-admin proposed a manual level change, which waits for a second hr-admin. The
 * history is unchanged until {@link LevelChangeProposalDecidedV1} says APPROVED. Schema:
 * docs/events/org.leveling.people.level-change-proposed.v1.json.
 */
public record LevelChangeProposedV1(String proposalId, String employeeId, String frameworkKey, int frameworkVersion,
        String level, String previousLevel, LocalDate effectiveFrom, String reason, String status, String proposedBy,
        Instant proposedAt) {

    public static final String TYPE = "org.leveling.people.level-change-proposed.v1";

    public static LevelChangeProposedV1 of(LevelChangeProposal.Snapshot p) {
        return new LevelChangeProposedV1(p.id(), p.employeeId(), p.frameworkKey(), p.frameworkVersion(), p.level(),
                p.previousLevel(), p.effectiveFrom(), p.reason().name(), p.status().name(), p.proposedBy(),
                p.proposedAt());
    }

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PEOPLE, "person", employeeId, TYPE, this);
    }
}
