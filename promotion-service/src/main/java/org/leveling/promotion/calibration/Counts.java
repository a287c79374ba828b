package org.leveling.promotion.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What calibration counts for a set of cases: submitted and not withdrawn, by the outcome in force. */
record Counts(long nominations, long decided, long promoted, long notPromoted, long deferred, long overrides,
        BigDecimal averageReadiness) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, null);

    /** Promoted among decided, to four places; null while none is decided. */
    BigDecimal promotionRate() {
        return decided == 0 ? null
                : BigDecimal.valueOf(promoted).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
    }
}
