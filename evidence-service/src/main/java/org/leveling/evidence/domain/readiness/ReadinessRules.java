package org.leveling.evidence.domain.readiness;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configurable parts of the readiness rules (docs/readiness.md). */
@ConfigMapping(prefix = "leveling.readiness")
public interface ReadinessRules {

    /** In how many distinct calendar quarters target-level evidence must fall for a competency to count as consistent. */
    @WithDefault("2")
    @Min(1)
    int minimumQuarters();

    /** Whether submitted evidence endorsed by peers counts as attested, as well as acknowledged evidence. */
    @WithDefault("true")
    boolean endorsementsCount();

    /** How many peer endorsements make submitted evidence count, when endorsements count. */
    @WithDefault("2")
    @Min(1)
    int minimumEndorsements();
}
