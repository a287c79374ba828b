package org.leveling.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.leveling.common.changes.DomainEvent;

/** Evidence was submitted: it now counts toward readiness once attested as the rules say. */
public record EvidenceSubmitted(String evidenceId, String subjectId, String authorId, String frameworkKey,
        int frameworkVersion, String level, List<String> competencies, EvidenceKind kind, String title,
        LocalDate occurredFrom, LocalDate occurredTo, Instant submittedAt) implements DomainEvent {

    static EvidenceSubmitted of(Evidence evidence, Instant now) {
        EvidenceContent c = evidence.content();
        return new EvidenceSubmitted(evidence.id(), evidence.subjectId(), evidence.authorId(), c.frameworkKey(),
                c.frameworkVersion(), c.level(), c.competencies(), c.kind(), c.title(), c.occurredFrom(),
                c.occurredTo(), now);
    }
}
