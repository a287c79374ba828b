package org.leveling.levels.messaging;

import java.time.Instant;
import java.time.LocalDate;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.levels.domain.LevelChangeProposal;

/**
 * {@code org.leveling.people.level-change-proposal-decided.v1} on {@code leveling.levels.people},
 * keyed by employee id: a second hr-admin approved (the history entry {@code historyEntryId} was
 * appended, announced by level-changed just before) or rejected a proposed level change. The
 * rejection's reason stays in levels-service. Schema:
 * docs/events/org.leveling.people.level-change-proposal-decided.v1.json.
 */
public record LevelChangeProposalDecidedV1(String proposalId, String employeeId, String frameworkKey,
        int frameworkVersion, String level, LocalDate effectiveFrom, String reason, String status, String proposedBy,
        String decidedBy, Instant decidedAt, Long historyEntryId) {

    public static final String TYPE = "org.leveling.people.level-change-proposal-decided.v1";

    public static LevelChangeProposalDecidedV1 of(LevelChangeProposal.Snapshot p) {
        return new LevelChangeProposalDecidedV1(p.id(), p.employeeId(), p.frameworkKey(), p.frameworkVersion(),
                p.level(), p.effectiveFrom(), p.reason().name(), p.status().name(), p.proposedBy(), p.decidedBy(),
                p.decidedAt(), p.historyEntryId());
    }

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PEOPLE, "person", employeeId, TYPE, this);
    }
}
