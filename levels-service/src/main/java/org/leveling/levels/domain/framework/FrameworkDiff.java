package org.leveling.levels.domain.framework;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two versions of a framework: levels, competencies and expectations. */
@Schema(name = "FrameworkDiff")
public record FrameworkDiff(int from, int to, Changes levels, Changes competencies, Changes expectations) {

    /** Items by identity: a level by code, a competency by key, an expectation by "level/competency". */
    @Schema(name = "FrameworkChanges")
    public record Changes(List<String> added, List<String> removed, List<Changed> changed) {
    }

    @Schema(name = "FrameworkChange", description = "An item present in both versions with different fields.")
    public record Changed(String id, List<String> fields) {
    }

    public static FrameworkDiff between(int from, FrameworkDocument a, int to, FrameworkDocument b) {
        return new FrameworkDiff(from, to,
                changes(a.levels(), b.levels(), FrameworkDocument.Level::code),
                changes(a.competencies(), b.competencies(), FrameworkDocument.Competency::key),
                changes(a.expectations(), b.expectations(), e -> e.level() + "/" + e.competency()));
    }

    private static <T extends Record> Changes changes(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = index(before, id);
        Map<String, T> now = index(after, id);
        List<String> added = now.keySet().stream().filter(k -> !old.containsKey(k)).toList();
        List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        List<Changed> changed = new ArrayList<>();
        for (Map.Entry<String, T> entry : now.entrySet()) {
            T previous = old.get(entry.getKey());
            if (previous != null) {
                List<String> fields = differingFields(previous, entry.getValue());
                if (!fields.isEmpty()) {
                    changed.add(new Changed(entry.getKey(), fields));
                }
            }
        }
        return new Changes(added, removed, changed);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return byId;
    }

    private static List<String> differingFields(Record a, Record b) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    fields.add(component.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot compare " + component, e);
            }
        }
        return fields;
    }
}
