package org.leveling.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the audit trail ({@code leveling.audit.*}). */
@ConfigMapping(prefix = "leveling.audit")
public interface AuditConfig {

    AnonymousRefusals anonymousRefusals();

    interface AnonymousRefusals {
        /**
         * Most rows one minute of anonymous refusals takes; refusals that would need another row are
         * counted in the minute's {@code (other)} row of their status.
         */
        @WithDefault("100")
        int maxRowsPerMinute();
    }
}
