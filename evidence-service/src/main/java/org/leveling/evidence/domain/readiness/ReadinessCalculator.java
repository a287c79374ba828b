package org.leveling.evidence.domain.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.leveling.common.frameworks.Ladder;
import org.leveling.evidence.domain.readiness.Readiness.AppliedRules;
import org.leveling.evidence.domain.readiness.Readiness.CompetencyReadiness;
import org.leveling.evidence.domain.readiness.Readiness.CompetencyStatus;
import org.leveling.evidence.domain.readiness.Readiness.CountedEvidence;
import org.leveling.evidence.domain.readiness.Readiness.ExpectationRef;
import org.leveling.evidence.domain.readiness.Readiness.LatestRating;
import org.leveling.evidence.domain.readiness.Readiness.Verdict;

/**
 * The readiness rules (docs/readiness.md), as a pure function of the ladder, the person's attested
 * evidence and their latest check-in ratings, so that the endpoint and the packet agree and a
 * worked example can be checked by hand.
 */
public final class ReadinessCalculator {

    private ReadinessCalculator() {
    }

    /** The inputs: which ladder, where the person stands, what they aim for, what they have shown. */
    public record Inputs(String subjectId, String frameworkKey, int frameworkVersion, Ladder ladder,
            String currentLevelCode, String targetLevelCode, List<CountedEvidence> attested,
            Map<String, LatestRating> latestRatings, Instant now) {
    }

    public static Readiness compute(Inputs in, ReadinessRules rules) {
        Ladder ladder = in.ladder();
        Ladder.Level target = ladder.level(in.targetLevelCode()).orElseThrow();
        Optional<Ladder.Level> fromHistory = Optional.ofNullable(in.currentLevelCode()).flatMap(ladder::level);
        Optional<Ladder.Level> current = fromHistory.or(() -> ladder.levelBelow(target));
        String source = fromHistory.isPresent() ? "LEVEL_HISTORY"
                : current.isPresent() ? "ASSUMED_LEVEL_BELOW_TARGET" : "NONE";

        List<CompetencyReadiness> competencies = new ArrayList<>();
        for (Ladder.Competency competency : competenciesInScope(ladder, current.orElse(null), target)) {
            competencies.add(competency(ladder, competency, current.orElse(null), target, in, rules));
        }
        List<String> reasons = new ArrayList<>();
        if (fromHistory.isEmpty()) {
            reasons.add(current.map(l -> "No level history here: " + l.code() + ", the level below the target, is "
                    + "taken as the current level.").orElse("No level history here, and the target is the first level "
                    + "of its track: only target-level evidence is considered."));
        }
        Verdict verdict = verdict(competencies, current.orElse(null), target, rules, reasons);
        // Only what counted towards some competency: the rest (other levels, other competencies) explains nothing.
        Set<String> counted = new java.util.HashSet<>();
        competencies.forEach(c -> {
            counted.addAll(c.currentLevelEvidence());
            counted.addAll(c.targetLevelEvidence());
        });
        return new Readiness(in.subjectId(), in.frameworkKey(), in.frameworkVersion(),
                current.map(Ladder.Level::code).orElse(null), source, target.code(),
                new AppliedRules(rules.minimumQuarters(), rules.endorsementsCount(), rules.minimumEndorsements()),
                competencies, verdict, reasons,
                in.attested().stream().filter(e -> counted.contains(e.evidenceId())).toList(), in.now());
    }

    /** Whether a piece of evidence in this status, with these attestations, counts under the rules. */
    public static boolean counts(String status, long endorsements, ReadinessRules rules) {
        return "ACKNOWLEDGED".equals(status) || "SUBMITTED".equals(status) && rules.endorsementsCount()
                && endorsements >= rules.minimumEndorsements();
    }

    /** The calendar quarter of a date, e.g. {@code 2026-Q3}. */
    public static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    private static Set<Ladder.Competency> competenciesInScope(Ladder ladder, Ladder.Level current, Ladder.Level target) {
        Set<Ladder.Competency> inScope = new LinkedHashSet<>();
        for (Ladder.Level level : current == null ? List.of(target) : List.of(current, target)) {
            for (Ladder.Competency competency : ladder.competencies()) {
                if (ladder.expectation(level.code(), competency.key()).isPresent()) {
                    inScope.add(competency);
                }
            }
        }
        return inScope;
    }

    private static CompetencyReadiness competency(Ladder ladder, Ladder.Competency competency, Ladder.Level current,
            Ladder.Level target, Inputs in, ReadinessRules rules) {
        List<String> atCurrent = new ArrayList<>();
        List<String> atTarget = new ArrayList<>();
        Set<String> quarters = new TreeSet<>();
        for (CountedEvidence evidence : in.attested()) {
            if (!evidence.competencies().contains(competency.key())) {
                continue;
            }
            Optional<Ladder.Level> level = ladder.level(evidence.level());
            if (level.isEmpty()) {
                continue;
            }
            if (reaches(ladder, level.get(), target)) {
                atTarget.add(evidence.evidenceId());
                quarters.add(quarter(evidence.occurredTo()));
            }
            if (current != null && reaches(ladder, level.get(), current)) {
                atCurrent.add(evidence.evidenceId());
            }
        }
        LatestRating rating = in.latestRatings().get(competency.key());
        ExpectationRef currentExpectation = current == null ? null : expectation(ladder, current, competency);
        ExpectationRef targetExpectation = expectation(ladder, target, competency);
        // A level that expects nothing of a competency asks no evidence of it.
        List<String> missing = new ArrayList<>();
        if (currentExpectation != null && atCurrent.isEmpty()) {
            missing.add("no attested evidence at " + current.code() + " or above");
        }
        if (targetExpectation != null && quarters.size() < rules.minimumQuarters()) {
            missing.add(quarters.isEmpty() ? "no attested evidence at " + target.code()
                    : "evidence at " + target.code() + " in " + quarters.size() + " distinct quarter"
                            + (quarters.size() == 1 ? "" : "s") + "; " + rules.minimumQuarters() + " needed");
        }
        if (rating != null && "BELOW".equals(rating.rating())) {
            missing.add("the latest check-in (" + rating.date() + ") rates it below " + rating.targetLevel());
        }
        boolean shownAtCurrent = currentExpectation == null || !atCurrent.isEmpty();
        boolean shownAtAll = current == null ? !atTarget.isEmpty() : shownAtCurrent;
        CompetencyStatus status = missing.isEmpty() ? CompetencyStatus.READY
                : shownAtAll ? CompetencyStatus.CURRENT_LEVEL_SHOWN : CompetencyStatus.NOT_SHOWN;
        return new CompetencyReadiness(competency.key(), competency.name(), currentExpectation, targetExpectation,
                atCurrent, atTarget, List.copyOf(quarters), rating, status, missing);
    }

    /** Evidence at {@code level} shows {@code wanted} when it is that level, above it in its track, or equivalent. */
    private static boolean reaches(Ladder ladder, Ladder.Level level, Ladder.Level wanted) {
        return level.code().equals(wanted.code()) || ladder.above(level, wanted)
                || ladder.equivalent(level.code(), wanted.code());
    }

    private static ExpectationRef expectation(Ladder ladder, Ladder.Level level, Ladder.Competency competency) {
        return ladder.expectation(level.code(), competency.key())
                .map(e -> new ExpectationRef(level.code(), e.description(), e.examples())).orElse(null);
    }

    private static Verdict verdict(List<CompetencyReadiness> competencies, Ladder.Level current, Ladder.Level target,
            ReadinessRules rules, List<String> reasons) {
        List<String> notShown = competencies.stream().filter(c -> c.status() == CompetencyStatus.NOT_SHOWN)
                .map(CompetencyReadiness::competency).toList();
        if (!notShown.isEmpty()) {
            reasons.add("Not every competency of " + (current == null ? target : current).code()
                    + " is shown by attested evidence yet: " + String.join(", ", notShown) + ".");
            return Verdict.INSUFFICIENT_EVIDENCE;
        }
        List<String> notReady = competencies.stream().filter(c -> c.status() != CompetencyStatus.READY)
                .map(c -> c.competency() + " (" + String.join("; ", c.missing()) + ")").toList();
        if (!notReady.isEmpty()) {
            reasons.add("Every competency of the current level is shown, but not yet " + target.code()
                    + " consistently: " + String.join(", ", notReady) + ".");
            return Verdict.NOT_YET;
        }
        reasons.add("Every competency is shown at " + target.code() + " in at least " + rules.minimumQuarters()
                + " distinct quarters, and no latest check-in rates one below.");
        return Verdict.READY;
    }
}
