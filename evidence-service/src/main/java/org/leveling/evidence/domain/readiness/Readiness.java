package org.leveling.evidence.domain.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a person is, or is not yet, ready for a target level — per competency, then overall. */
@Schema(name = "Readiness")
public record Readiness(
        String subjectId,
        String frameworkKey,
        int frameworkVersion,
        @Schema(description = "The person's level now (from their level history), or the level below the target "
                + "when they have none here; see currentLevelSource.")
        String currentLevel,
        @Schema(enumeration = {"LEVEL_HISTORY", "ASSUMED_LEVEL_BELOW_TARGET", "NONE"})
        String currentLevelSource,
        String targetLevel,
        AppliedRules rules,
        @Schema(description = "Competencies of the current level, then those only the target level adds, in the "
                + "framework's order.")
        List<CompetencyReadiness> competencies,
        Verdict verdict,
        @Schema(description = "The rules that produced the verdict, one sentence each.")
        List<String> reasons,
        @Schema(description = "The attested evidence that was counted.")
        List<CountedEvidence> evidence,
        Instant computedAt) {

    public enum Verdict { READY, NOT_YET, INSUFFICIENT_EVIDENCE }

    public enum CompetencyStatus {
        /** Shown at the target level in enough distinct quarters, and no check-in rates it below. */
        READY,
        /** Shown at the current level, not (yet, or consistently) at the target level. */
        CURRENT_LEVEL_SHOWN,
        /** No attested evidence at the current level or above. */
        NOT_SHOWN
    }

    @Schema(name = "AppliedReadinessRules")
    public record AppliedRules(int minimumQuarters, boolean endorsementsCount, int minimumEndorsements) {
    }

    @Schema(name = "CompetencyReadiness")
    public record CompetencyReadiness(
            String competency,
            String name,
            @Schema(description = "What the competency looks like at the current level; absent when that level has "
                    + "no expectation for it.")
            ExpectationRef currentExpectation,
            ExpectationRef targetExpectation,
            @Schema(description = "Attested evidence at the current level or above that shows this competency.")
            List<String> currentLevelEvidence,
            @Schema(description = "Attested evidence at the target level or above that shows this competency.")
            List<String> targetLevelEvidence,
            @Schema(description = "Distinct calendar quarters (of occurredTo) of the target-level evidence, e.g. 2026-Q3.")
            List<String> targetLevelQuarters,
            LatestRating latestRating,
            CompetencyStatus status,
            @Schema(description = "What is missing for this competency to be ready; empty when ready.")
            List<String> missing) {
    }

    @Schema(name = "ExpectationRef")
    public record ExpectationRef(String level, String description, List<String> examples) {
    }

    @Schema(name = "LatestRating")
    public record LatestRating(String rating, LocalDate date, String checkInId, String targetLevel) {
    }

    /** Evidence as a packet carries it: no narrative, no impact text. */
    @Schema(name = "CountedEvidence")
    public record CountedEvidence(String evidenceId, String kind, String title, String level,
            List<String> competencies, String status, long acknowledgements, long endorsements,
            LocalDate occurredFrom, LocalDate occurredTo, Instant submittedAt) {
    }
}
