package org.leveling.common.frameworks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A published framework document as consumers read it from framework-published.v1 (schema:
 * docs/events/org.leveling.frameworks.framework-published.v1.json, owned by levels-service): the
 * parts other services rely on, read tolerantly so that additions there break nothing here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ladder(List<Track> tracks, List<Level> levels, List<Competency> competencies,
        List<Expectation> expectations, List<Equivalence> equivalences) {

    public Ladder {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        levels = levels == null ? List.of() : List.copyOf(levels);
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
        equivalences = equivalences == null ? List.of() : List.copyOf(equivalences);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Track(String key, String name, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(String code, String title, String track, int order, List<SubLevel> subLevels) {
        public Level {
            subLevels = subLevels == null ? List.of() : List.copyOf(subLevels);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubLevel(String code, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Competency(String key, String name, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expectation(String level, String competency, String description, List<String> examples) {
        public Expectation {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Equivalence(String level, String equivalentLevel) {
    }

    /** The level with this code, or the level a sub-level with this code belongs to. */
    public Optional<Level> level(String code) {
        return levels.stream()
                .filter(l -> l.code().equals(code) || l.subLevels().stream().anyMatch(s -> s.code().equals(code)))
                .findFirst();
    }

    /** The level just below in the same track; empty for the first level of a track. */
    public Optional<Level> levelBelow(Level level) {
        return levels.stream().filter(l -> l.track().equals(level.track()) && l.order() == level.order() - 1)
                .findFirst();
    }

    public Optional<Competency> competency(String key) {
        return competencies.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** What {@code competency} looks like at {@code level} (a level code, not a sub-level). */
    public Optional<Expectation> expectation(String level, String competency) {
        return expectations.stream().filter(e -> e.level().equals(level) && e.competency().equals(competency))
                .findFirst();
    }

    /** Whether two levels are the same or declared equivalent (either way round). */
    public boolean equivalent(String level, String other) {
        return level.equals(other) || equivalences.stream().anyMatch(e -> e.level().equals(level)
                && e.equivalentLevel().equals(other) || e.level().equals(other) && e.equivalentLevel().equals(level));
    }

    /** Whether {@code higher} ranks above {@code lower} in the same track. */
    public boolean above(Level higher, Level lower) {
        return Objects.equals(higher.track(), lower.track()) && higher.order() > lower.order();
    }
}
