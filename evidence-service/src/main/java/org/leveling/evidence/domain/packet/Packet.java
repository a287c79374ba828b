package org.leveling.evidence.domain.packet;

import java.time.Instant;
import java.util.List;

import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.Readiness.CountedEvidence;
import org.leveling.evidence.domain.readiness.Readiness.LatestRating;

/**
 * A nomination's packet: the candidate's readiness and the evidence that counted, frozen when the
 * nomination was submitted. Titles, not narratives; no comments.
 */
public record Packet(String nominationId, String candidateId, String frameworkKey, int frameworkVersion,
        String targetLevel, String currentLevel, String currentLevelSource, Readiness.Verdict verdict,
        List<String> reasons, Readiness.AppliedRules rules, List<Competency> competencies,
        List<CountedEvidence> evidence, Instant assembledAt) {

    /** Readiness of one competency, without the expectation texts (they are in the framework version). */
    public record Competency(String competency, Readiness.CompetencyStatus status, List<String> currentLevelEvidence,
            List<String> targetLevelEvidence, List<String> targetLevelQuarters, LatestRating latestRating,
            List<String> missing) {
    }

    static Packet of(String nominationId, Readiness readiness, Instant now) {
        return new Packet(nominationId, readiness.subjectId(), readiness.frameworkKey(), readiness.frameworkVersion(),
                readiness.targetLevel(), readiness.currentLevel(), readiness.currentLevelSource(), readiness.verdict(),
                readiness.reasons(), readiness.rules(),
                readiness.competencies().stream().map(c -> new Competency(c.competency(), c.status(),
                        c.currentLevelEvidence(), c.targetLevelEvidence(), c.targetLevelQuarters(), c.latestRating(),
                        c.missing())).toList(),
                readiness.evidence(), now);
    }
}
