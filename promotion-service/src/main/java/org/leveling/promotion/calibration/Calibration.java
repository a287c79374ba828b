package org.leveling.promotion.calibration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.leveling.promotion.domain.cycle.CycleState;


/**
 * The calibration of a cycle: outcomes and rates overall and by org unit, target level, track and
 * manager, outliers against the cycle's rate, and drift against earlier cycles of the same scope.
 */
public record Calibration(String cycleId, String name, CycleState state, String frameworkKey, List<String> orgUnits,
        View view, int minimumGroupSize, BigDecimal outlierMargin, Group overall, Map<String, List<Group>> groups,
        Drift drift) {

    /** FULL for hr-admin; AGGREGATE (small groups suppressed) for analysts and the cycle's committee members. */
    public enum View {
        FULL, AGGREGATE
    }

    /**
     * One group's numbers; all null when suppressed. {@code deviation} is its promotion rate minus the
     * cycle's; {@code driftFromPrevious} its rate minus the same group's in the previous cycle of the scope.
     */
    public record Group(String key, Long nominations, Long decided, Long promoted, Long notPromoted, Long deferred,
            Long overrides, BigDecimal promotionRate, BigDecimal averageReadiness, BigDecimal deviation,
            boolean outlier, BigDecimal driftFromPrevious, boolean suppressed) {
    }

    /** Earlier cycles of the same framework and org units, newest first; the first is "previous". */
    public record Drift(String previousCycleId, BigDecimal promotionRateChange, List<EarlierCycle> earlierCycles) {
    }

    public record EarlierCycle(String cycleId, String name, Instant createdAt, Long nominations, Long decided,
            Long promoted, BigDecimal promotionRate, boolean suppressed) {
    }
}
