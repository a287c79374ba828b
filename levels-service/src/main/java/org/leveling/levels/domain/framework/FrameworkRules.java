package org.leveling.levels.domain.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.leveling.common.problem.Problem.FieldViolation;

/**
 * The rules that tie the parts of a {@link FrameworkDocument} together. Each problem is located
 * (e.g. {@code levels[3].code}) so an editor can point at it. Field shapes are bean validation's.
 */
public final class FrameworkRules {

    private FrameworkRules() {
    }

    public static List<FieldViolation> check(FrameworkDocument document) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> tracks = uniqueKeys(problems, "tracks", "key",
                document.tracks().stream().map(FrameworkDocument.Track::key).toList());
        Map<String, String> trackOfLevel = checkLevels(problems, document, tracks);
        Set<String> competencies = uniqueKeys(problems, "competencies", "key",
                document.competencies().stream().map(FrameworkDocument.Competency::key).toList());
        checkExpectations(problems, document, trackOfLevel.keySet(), competencies);
        checkEquivalences(problems, document, trackOfLevel);
        for (int i = 0; i < document.externalMappings().size(); i++) {
            if (!trackOfLevel.containsKey(document.externalMappings().get(i).level())) {
                problems.add(new FieldViolation("externalMappings[" + i + "].level", "is not a level of this framework"));
            }
        }
        return problems;
    }

    private static Map<String, String> checkLevels(List<FieldViolation> problems, FrameworkDocument document,
            Set<String> tracks) {
        Map<String, String> trackOfLevel = new HashMap<>();
        Set<String> codes = new HashSet<>();
        Map<String, Map<Integer, Integer>> ordersByTrack = new HashMap<>();
        for (int i = 0; i < document.levels().size(); i++) {
            FrameworkDocument.Level level = document.levels().get(i);
            String at = "levels[" + i + "]";
            if (!codes.add(level.code())) {
                problems.add(new FieldViolation(at + ".code", "'" + level.code() + "' is used twice"));
            }
            trackOfLevel.putIfAbsent(level.code(), level.track());
            if (!tracks.contains(level.track())) {
                problems.add(new FieldViolation(at + ".track", "is not a track of this framework"));
            } else if (ordersByTrack.computeIfAbsent(level.track(), t -> new TreeMap<>()).putIfAbsent(level.order(), i)
                    != null) {
                problems.add(new FieldViolation(at + ".order", "order " + level.order() + " is used twice in track '"
                        + level.track() + "'"));
            }
            for (int j = 0; j < level.subLevels().size(); j++) {
                String code = level.subLevels().get(j).code();
                if (!codes.add(code)) {
                    problems.add(new FieldViolation(at + ".subLevels[" + j + "].code", "'" + code + "' is used twice"));
                }
            }
        }
        ordersByTrack.forEach((track, orders) -> {
            int expected = 1;
            for (Map.Entry<Integer, Integer> order : orders.entrySet()) {
                if (order.getKey() != expected) {
                    problems.add(new FieldViolation("levels[" + order.getValue() + "].order", "track '" + track
                            + "' must be ordered 1.." + orders.size() + " without gaps; expected " + expected));
                    break;
                }
                expected++;
            }
        });
        return trackOfLevel;
    }

    private static void checkExpectations(List<FieldViolation> problems, FrameworkDocument document, Set<String> levels,
            Set<String> competencies) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < document.expectations().size(); i++) {
            FrameworkDocument.Expectation expectation = document.expectations().get(i);
            String at = "expectations[" + i + "]";
            if (!levels.contains(expectation.level())) {
                problems.add(new FieldViolation(at + ".level", "is not a level of this framework"));
            }
            if (!competencies.contains(expectation.competency())) {
                problems.add(new FieldViolation(at + ".competency", "is not a competency of this framework"));
            }
            if (!pairs.add(expectation.level() + "\u0000" + expectation.competency())) {
                problems.add(new FieldViolation(at, "level '" + expectation.level() + "' already has an expectation for '"
                        + expectation.competency() + "'"));
            }
        }
    }

    private static void checkEquivalences(List<FieldViolation> problems, FrameworkDocument document,
            Map<String, String> trackOfLevel) {
        Set<Set<String>> pairs = new HashSet<>();
        for (int i = 0; i < document.equivalences().size(); i++) {
            FrameworkDocument.Equivalence equivalence = document.equivalences().get(i);
            String at = "equivalences[" + i + "]";
            String track = trackOfLevel.get(equivalence.level());
            String otherTrack = trackOfLevel.get(equivalence.equivalentLevel());
            if (track == null) {
                problems.add(new FieldViolation(at + ".level", "is not a level of this framework"));
            }
            if (otherTrack == null) {
                problems.add(new FieldViolation(at + ".equivalentLevel", "is not a level of this framework"));
            }
            if (track != null && track.equals(otherTrack)) {
                problems.add(new FieldViolation(at, "equivalent levels must belong to different tracks"));
            }
            if (!pairs.add(new HashSet<>(Arrays.asList(equivalence.level(), equivalence.equivalentLevel())))) {
                problems.add(new FieldViolation(at, "this equivalence is declared twice"));
            }
        }
    }

    private static Set<String> uniqueKeys(List<FieldViolation> problems, String list, String field, List<String> keys) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                problems.add(new FieldViolation(list + "[" + i + "]." + field, "'" + keys.get(i) + "' is used twice"));
            }
        }
        return seen;
    }
}
