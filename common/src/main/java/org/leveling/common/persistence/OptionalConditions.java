package org.leveling.common.persistence;

import java.util.HashMap;
import java.util.Map;

/**
 * The where clause of a Panache query for a list a caller may filter: each filter the caller left
 * out (null) is no condition. Parameters are named, so conditions may be added in any order.
 */
public final class OptionalConditions {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /**
     * {@code attribute = value}, unless {@code value} is null. {@code attribute} is a plain name:
     * it names the parameter too.
     */
    public OptionalConditions equal(String attribute, Object value) {
        return value == null ? this : and(attribute + " = :" + attribute, Map.of(attribute, value));
    }

    /** {@code condition} with the values of its named parameters; the caller decides whether it applies. */
    public OptionalConditions and(String condition, Map<String, Object> values) {
        query.append(" and ").append(condition);
        parameters.putAll(values);
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
