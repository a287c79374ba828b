package org.leveling.levels.domain.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A level's success guide: its summary, what every competency looks like at this level, and what
 * changes from the level below it in the same track.
 */
@Schema(name = "SuccessGuide")
public record SuccessGuide(String frameworkKey, int version, FrameworkDocument.Level level,
        @Schema(description = "The level below in the same track; absent for the first level.")
        LevelRef levelBelow,
        List<CompetencyExpectation> expectations,
        @Schema(description = "Per competency, what is new or different compared with the level below.")
        List<Step> changesFromLevelBelow) {

    @Schema(name = "LevelRef")
    public record LevelRef(String code, String title) {
    }

    @Schema(name = "CompetencyExpectation")
    public record CompetencyExpectation(String competency, String competencyName, String description,
            List<String> examples) {
    }

    @Schema(name = "GuideStep")
    public record Step(String competency, String competencyName,
            @Schema(description = "Expectation at the level below; absent when it had none.") String below,
            String atThisLevel, List<String> examples) {
    }

    /** The guide of {@code levelCode}, or empty when the document has no such level. */
    public static Optional<SuccessGuide> of(String frameworkKey, int version, FrameworkDocument document,
            String levelCode) {
        Optional<FrameworkDocument.Level> level = document.levels().stream()
                .filter(l -> l.code().equals(levelCode)).findFirst();
        return level.map(l -> build(frameworkKey, version, document, l));
    }

    private static SuccessGuide build(String frameworkKey, int version, FrameworkDocument document,
            FrameworkDocument.Level level) {
        Optional<FrameworkDocument.Level> below = document.levels().stream()
                .filter(l -> l.track().equals(level.track()) && l.order() == level.order() - 1).findFirst();
        Map<String, String> names = document.competencies().stream()
                .collect(Collectors.toMap(FrameworkDocument.Competency::key, FrameworkDocument.Competency::name));
        Map<String, FrameworkDocument.Expectation> here = expectationsAt(document, level.code());
        Map<String, FrameworkDocument.Expectation> underneath = below
                .map(b -> expectationsAt(document, b.code())).orElse(Map.of());
        List<CompetencyExpectation> expectations = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (FrameworkDocument.Competency competency : document.competencies()) {
            FrameworkDocument.Expectation expectation = here.get(competency.key());
            if (expectation == null) {
                continue;
            }
            expectations.add(new CompetencyExpectation(competency.key(), competency.name(), expectation.description(),
                    expectation.examples()));
            FrameworkDocument.Expectation previous = underneath.get(competency.key());
            if (previous == null || !Objects.equals(previous.description(), expectation.description())
                    || !Objects.equals(previous.examples(), expectation.examples())) {
                steps.add(new Step(competency.key(), names.get(competency.key()),
                        previous == null ? null : previous.description(), expectation.description(),
                        expectation.examples()));
            }
        }
        return new SuccessGuide(frameworkKey, version, level,
                below.map(b -> new LevelRef(b.code(), b.title())).orElse(null), expectations, steps);
    }

    private static Map<String, FrameworkDocument.Expectation> expectationsAt(FrameworkDocument document, String level) {
        return document.expectations().stream().filter(e -> e.level().equals(level))
                .collect(Collectors.toMap(FrameworkDocument.Expectation::competency, Function.identity(), (a, b) -> a));
    }
}
