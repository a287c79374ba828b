package org.leveling.evidence.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.evidence.domain.AttestationKind;

/**
 * One attestation of a piece of evidence, on {@code leveling.evidence} keyed by evidence id, as
 * {@code org.leveling.evidence.acknowledged.v1}, {@code .challenged.v1} or {@code .endorsed.v1}
 * (one payload shape, three types so that consumers subscribe to what they need). The comment
 * stays in evidence-service. Schemas: docs/events/org.leveling.evidence.{acknowledged,challenged,endorsed}.v1.json.
 */
public record EvidenceAttestedV1(String evidenceId, String subjectId, String attesterId, String status,
        long acknowledgements, long endorsements, Instant attestedAt) {

    public static final String ACKNOWLEDGED = "org.leveling.evidence.acknowledged.v1";
    public static final String CHALLENGED = "org.leveling.evidence.challenged.v1";
    public static final String ENDORSED = "org.leveling.evidence.endorsed.v1";

    public OutboxEvent toOutbox(AttestationKind kind) {
        String type = switch (kind) {
            case ACKNOWLEDGED -> ACKNOWLEDGED;
            case CHALLENGED -> CHALLENGED;
            case ENDORSED -> ENDORSED;
        };
        return new OutboxEvent(Topics.EVIDENCE, "evidence", evidenceId, type, this);
    }
}
