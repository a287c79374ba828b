package org.leveling.evidence.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.changes.DomainEvent;
import org.leveling.common.changes.OneWireRecordEach;
import org.leveling.common.outbox.OutboxEvent;
import org.leveling.evidence.domain.CheckInRecorded;
import org.leveling.evidence.domain.EvidenceAttested;
import org.leveling.evidence.domain.EvidenceSubmitted;
import org.leveling.evidence.domain.EvidenceWithdrawn;
import org.leveling.evidence.domain.packet.PacketAssembled;
import org.leveling.evidence.messaging.CheckInRecordedV1;
import org.leveling.evidence.messaging.EvidenceAttestedV1;
import org.leveling.evidence.messaging.EvidenceSubmittedV1;
import org.leveling.evidence.messaging.EvidenceWithdrawnV1;
import org.leveling.evidence.messaging.PacketAssembledV1;

/** evidence-service's domain events as the versioned records of {@code leveling.evidence} (docs/events/). */
@ApplicationScoped
public class EvidenceWireEvents extends OneWireRecordEach {

    @Override
    protected OutboxEvent wireRecordOf(DomainEvent event) {
        if (event instanceof EvidenceSubmitted e) {
            return new EvidenceSubmittedV1(e.evidenceId(), e.subjectId(), e.authorId(), e.frameworkKey(),
                    e.frameworkVersion(), e.level(), e.competencies(), e.kind().name(), e.title(), e.occurredFrom(),
                    e.occurredTo(), e.submittedAt()).toOutbox();
        }
        if (event instanceof EvidenceAttested e) {
            return new EvidenceAttestedV1(e.evidenceId(), e.subjectId(), e.attesterId(), e.status().name(),
                    e.acknowledgements(), e.endorsements(), e.attestedAt()).toOutbox(e.kind());
        }
        if (event instanceof EvidenceWithdrawn e) {
            return new EvidenceWithdrawnV1(e.evidenceId(), e.subjectId(), e.withdrawnBy(), e.previousStatus().name(),
                    e.withdrawnAt()).toOutbox();
        }
        if (event instanceof CheckInRecorded e) {
            return new CheckInRecordedV1(e.checkInId(), e.subjectId(), e.managerId(), e.date(), e.frameworkKey(),
                    e.frameworkVersion(), e.targetLevel(), e.ratings(), e.recordedAt()).toOutbox();
        }
        if (event instanceof PacketAssembled e) {
            return PacketAssembledV1.of(e.packet()).toOutbox();
        }
        throw new IllegalArgumentException("evidence-service does not announce " + event.getClass().getName());
    }
}
