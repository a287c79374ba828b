package org.leveling.evidence.domain.readiness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.frameworks.CatalogVersion;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.Ladder;
import org.leveling.common.people.CurrentLevel;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.evidence.domain.CheckIn;
import org.leveling.evidence.domain.EvidenceAccess;
import org.leveling.evidence.domain.readiness.Readiness.CountedEvidence;
import org.leveling.evidence.domain.readiness.Readiness.LatestRating;
import org.leveling.evidence.persistence.AttestedEvidenceRows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Gathers what readiness is computed from — the ladder, the level history, attested evidence, check-ins. */
@ApplicationScoped
public class ReadinessService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final AttestedEvidenceRows evidenceRows;
    private final FrameworkCatalog catalog;
    private final PeopleDirectory people;
    private final EvidenceAccess access;
    private final ReadinessRules rules;
    private final ObjectMapper json;
    private final Clock clock;

    public ReadinessService(AttestedEvidenceRows evidenceRows, FrameworkCatalog catalog, PeopleDirectory people,
            EvidenceAccess access, ReadinessRules rules, ObjectMapper json, Clock clock) {
        this.evidenceRows = evidenceRows;
        this.catalog = catalog;
        this.people = people;
        this.access = access;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /** Readiness of a person the caller may read about (404 otherwise). */
    @Transactional
    public Readiness forCaller(String subjectId, String targetLevel, String frameworkKey, Integer frameworkVersion) {
        access.requireRead(subjectId, "person", subjectId);
        if (!people.exists(subjectId)) {
            throw new ResourceNotFoundException("person", subjectId);
        }
        Readiness readiness = compute(subjectId, targetLevel, frameworkKey, frameworkVersion);
        if ("LEVEL_HISTORY".equals(readiness.currentLevelSource())) {
            requireStep(catalog.find(readiness.frameworkKey(), readiness.frameworkVersion()).orElseThrow().ladder(),
                    readiness.currentLevel(), targetLevel);
        }
        return readiness;
    }

    /**
     * Readiness in the given framework version, or else in the latest current version of the
     * framework of the person's level (400 naming the field when that cannot be resolved).
     */
    @Transactional
    public Readiness compute(String subjectId, String targetLevel, String frameworkKey, Integer frameworkVersion) {
        LocalDate today = LocalDate.now(clock);
        Optional<CurrentLevel> current = people.levelOn(subjectId, today);
        String key = frameworkKey != null ? frameworkKey : current.map(CurrentLevel::frameworkKey).orElseThrow(
                () -> invalid("frameworkKey", "is required: the person has no level history in any framework here"));
        CatalogVersion version = (frameworkVersion != null ? catalog.find(key, frameworkVersion)
                : catalog.latestActive(key)).orElseThrow(() -> invalid(frameworkVersion != null ? "frameworkVersion"
                        : "frameworkKey", "no published version of framework '" + key + "' is known here"
                                + (frameworkVersion != null ? " with number " + frameworkVersion : "")));
        if (version.ladder().level(targetLevel).isEmpty()) {
            throw invalid("targetLevel", "'" + targetLevel + "' is not a level of " + key + " version "
                    + version.version());
        }
        String currentLevel = current.filter(c -> c.frameworkKey().equals(key)).map(CurrentLevel::level).orElse(null);
        return ReadinessCalculator.compute(new ReadinessCalculator.Inputs(subjectId, key, version.version(),
                version.ladder(), currentLevel, targetLevel, attested(subjectId, key),
                latestRatings(subjectId, key, version.ladder(), targetLevel), clock.instant()), rules);
    }

    /**
     * Refuses a question readiness cannot answer sensibly: a target at or below the person's current
     * level in the same track (a lateral move to the other track is a fair question).
     */
    private static void requireStep(Ladder ladder, String currentLevel, String targetLevel) {
        Optional<Ladder.Level> current = Optional.ofNullable(currentLevel).flatMap(ladder::level);
        Ladder.Level target = ladder.level(targetLevel).orElseThrow();
        if (current.isPresent() && current.get().track().equals(target.track())
                && current.get().order() >= target.order()) {
            throw invalid("targetLevel", "must be above the person's current level " + currentLevel
                    + " in the same track");
        }
    }

    /** The person's evidence in this framework that counts under the rules, oldest first. */
    private List<CountedEvidence> attested(String subjectId, String frameworkKey) {
        List<CountedEvidence> counted = new ArrayList<>();
        for (AttestedEvidenceRows.Row row : evidenceRows.of(subjectId, frameworkKey)) {
            if (ReadinessCalculator.counts(row.status(), row.endorsements(), rules)) {
                counted.add(new CountedEvidence(row.id(), row.kind(), row.title(), row.levelCode(),
                        competencies(row.competencies()), row.status(), row.acknowledgements(), row.endorsements(),
                        row.occurredFrom(), row.occurredTo(), row.submittedAt()));
            }
        }
        return counted;
    }

    /**
     * Per competency, the rating of the latest check-in that rated it against the same target level
     * (a rating against Senior PM says nothing about readiness for Principal PM).
     */
    private Map<String, LatestRating> latestRatings(String subjectId, String frameworkKey, Ladder ladder,
            String targetLevel) {
        String target = ladder.level(targetLevel).map(Ladder.Level::code).orElseThrow();
        Map<String, LatestRating> latest = new HashMap<>();
        for (CheckIn checkIn : CheckIn.of(subjectId)) {
            if (!checkIn.frameworkKey().equals(frameworkKey) || !ladder.level(checkIn.targetLevel())
                    .map(l -> l.code().equals(target)).orElse(false)) {
                continue;
            }
            for (CheckIn.Rating rating : checkIn.ratings()) {
                latest.putIfAbsent(rating.competency(), new LatestRating(rating.rating().name(), checkIn.date(),
                        checkIn.id(), checkIn.targetLevel()));
            }
        }
        return latest;
    }

    private List<String> competencies(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored competencies are not a JSON array", e);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "Readiness cannot be computed as asked.",
                List.of(new FieldViolation(field, message)));
    }

}
