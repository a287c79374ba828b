package org.leveling.common.people;

import java.time.LocalDate;

/** Where a person stands on a date, from the level history levels-service published. */
public record CurrentLevel(String frameworkKey, int frameworkVersion, String level, LocalDate effectiveFrom) {
}
