package org.leveling.evidence.domain;

import java.time.LocalDate;
import java.util.List;

/** What a piece of evidence says, as its author writes it (everything but who and its status). */
public record EvidenceContent(String frameworkKey, int frameworkVersion, String level, List<String> competencies,
        EvidenceKind kind, String title, String narrative, String impact, List<String> links, LocalDate occurredFrom,
        LocalDate occurredTo) {
}
