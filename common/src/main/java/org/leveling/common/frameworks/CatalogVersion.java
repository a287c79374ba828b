package org.leveling.common.frameworks;

import java.time.Instant;

/** A published framework version as this service knows it from levels-service's events. */
public record CatalogVersion(String frameworkKey, int version, String name, String jobFamily, Instant publishedAt,
        Instant retiredAt, Ladder ladder) {

    public boolean retired() {
        return retiredAt != null;
    }
}
