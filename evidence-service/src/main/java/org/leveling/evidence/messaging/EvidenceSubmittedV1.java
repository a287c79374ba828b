package org.leveling.evidence.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.evidence.submitted.v1} on {@code leveling.evidence}, keyed by evidence id: a
 * draft was submitted for attestation. No narrative or impact text. Schema:
 * docs/events/org.leveling.evidence.submitted.v1.json.
 */
public record EvidenceSubmittedV1(String evidenceId, String subjectId, String authorId, String frameworkKey,
        int frameworkVersion, String level, List<String> competencies, String kind, String title,
        LocalDate occurredFrom, LocalDate occurredTo, Instant submittedAt) {

    public static final String TYPE = "org.leveling.evidence.submitted.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.EVIDENCE, "evidence", evidenceId, TYPE, this);
    }
}
