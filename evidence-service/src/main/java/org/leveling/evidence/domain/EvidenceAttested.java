package org.leveling.evidence.domain;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** Evidence was acknowledged, challenged or endorsed; the counts are those after this attestation. */
public record EvidenceAttested(String evidenceId, String subjectId, String attesterId, AttestationKind kind,
        EvidenceStatus status, long acknowledgements, long endorsements, Instant attestedAt) implements DomainEvent {
}
