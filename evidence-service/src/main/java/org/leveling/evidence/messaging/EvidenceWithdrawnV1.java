package org.leveling.evidence.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.evidence.withdrawn.v1} on {@code leveling.evidence}, keyed by evidence id: the
 * evidence no longer counts anywhere. Schema: docs/events/org.leveling.evidence.withdrawn.v1.json.
 */
public record EvidenceWithdrawnV1(String evidenceId, String subjectId, String withdrawnBy, String previousStatus,
        Instant withdrawnAt) {

    public static final String TYPE = "org.leveling.evidence.withdrawn.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.EVIDENCE, "evidence", evidenceId, TYPE, this);
    }
}
