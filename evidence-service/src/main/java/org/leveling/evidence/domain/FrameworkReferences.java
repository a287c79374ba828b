package org.leveling.evidence.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.frameworks.CatalogVersion;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.Ladder;
import org.leveling.common.problem.Problem.FieldViolation;

/**
 * Checks what evidence and check-ins refer to against the pinned framework version, as this
 * service knows it from levels-service's events: the version is published and not retired, the
 * level and the competencies exist in it. Each problem is reported with its field.
 */
@ApplicationScoped
public class FrameworkReferences {

    /** The detail of the 400 that lists what a request refers to wrongly. */
    public static final String REFUSED = "The request refers to things that do not exist or may not be used.";

    private final FrameworkCatalog catalog;

    public FrameworkReferences(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The pinned version; adds a violation and returns null when it is unknown or retired. The
     * level and competency checks need it, so callers stop there.
     */
    public CatalogVersion activeVersion(String frameworkKey, int version, List<FieldViolation> violations) {
        CatalogVersion found = catalog.find(frameworkKey, version).orElse(null);
        if (found == null) {
            violations.add(new FieldViolation("frameworkVersion", "version " + version + " of framework '"
                    + frameworkKey + "' is not a published version"));
            return null;
        }
        if (found.retired()) {
            violations.add(new FieldViolation("frameworkVersion", "version " + version + " of framework '"
                    + frameworkKey + "' was retired at " + found.retiredAt() + ": pin a current version"));
            return null;
        }
        return found;
    }

    /** Adds a violation unless {@code code} is a level or sub-level of the ladder. */
    public void checkLevel(Ladder ladder, String field, String code, List<FieldViolation> violations) {
        if (ladder.level(code).isEmpty()) {
            violations.add(new FieldViolation(field, "'" + code + "' is not a level of this framework version"));
        }
    }

    /**
     * Adds a violation for each unknown or repeated competency key, located by its index:
     * {@code list[i]suffix}, e.g. {@code ratings[2].competency}.
     */
    public void checkCompetencies(Ladder ladder, String list, String suffix, List<String> keys,
            List<FieldViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (ladder.competency(key).isEmpty()) {
                violations.add(new FieldViolation(list + "[" + i + "]" + suffix, "'" + key
                        + "' is not a competency of this framework version"));
            } else if (!seen.add(key)) {
                violations.add(new FieldViolation(list + "[" + i + "]" + suffix, "'" + key + "' is listed twice"));
            }
        }
    }

}
