package org.leveling.promotion.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.Roles;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.cycle.Cycle;

import io.quarkus.runtime.Startup;

/**
 * Calibration numbers as {@link CalibrationLedger} keeps them (a few rows per group, however many
 * cases), compared, flagged and suppressed here.
 */
@ApplicationScoped
@Startup // checks its settings when the service starts, not at the first request
public class CalibrationService {

    /** The dimensions of the response, in its order, as the ledger names them. */
    static final List<String> DIMENSIONS = List.of("orgUnit", "targetLevel", "track", "manager");


    private final EntityManager entityManager;
    private final CurrentUser currentUser;
    private final CalibrationSettings settings;
    private final CalibrationLedger ledger;
    private final ChangeRecorder changes;

    public CalibrationService(EntityManager entityManager, CurrentUser currentUser, CalibrationSettings settings,
            CalibrationLedger ledger, ChangeRecorder changes) {
        this.ledger = ledger;
        this.changes = changes;
        this.entityManager = entityManager;
        this.currentUser = currentUser;
        this.settings = settings;
        if (settings.minimumGroupSize() < 1) {
            throw new IllegalStateException("leveling.calibration.minimum-group-size must be at least 1");
        }
        if (settings.outlierMargin().signum() < 0 || settings.outlierMargin().compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("leveling.calibration.outlier-margin must be between 0 and 1");
        }
    }

    /** hr-admin recomputes a cycle's numbers from its cases (after a restore, or to check the ledger). */
    @Transactional
    public Calibration rebuild(String cycleId) {
        if (!currentUser.caller().hasRole(Roles.HR_ADMIN)) {
            throw ProblemException.forbidden("Only hr-admin rebuilds calibration numbers.");
        }
        if (Cycle.findById(cycleId) == null) {
            throw new ResourceNotFoundException("cycle", cycleId);
        }
        int groups = ledger.rebuild(cycleId);
        changes.record(Change.of("calibration", cycleId, null, new Rebuilt(cycleId, groups)));
        return of(cycleId);
    }

    /** What the audit trail keeps of a rebuild. */
    record Rebuilt(String cycleId, int groups) {
    }

    /** The numbers of one cycle: overall, and per dimension by group key. */
    record Aggregate(Counts overall, Map<String, Map<String, Counts>> groups) {
    }

    /** The view the caller has of the cycle's calibration: 404 for an unknown cycle, 403 for no view. */
    @Transactional
    public Calibration.View viewOf(String cycleId) {
        Cycle cycle = KnownEntity.byId(Cycle.class, "cycle", cycleId);
        return viewFor(currentUser.caller(), cycle);
    }

    @Transactional
    public Calibration of(String cycleId) {
        Cycle cycle = KnownEntity.byId(Cycle.class, "cycle", cycleId);
        Calibration.View view = viewFor(currentUser.caller(), cycle);
        int minimum = settings.minimumGroupSize();
        Aggregate current = aggregate(cycleId);
        List<Cycle> earlier = earlierOfSameScope(cycle);
        Aggregate previous = earlier.isEmpty() ? null : aggregate(earlier.get(0).id());
        Map<String, Counts> earlierTotals = totals(earlier);

        boolean aggregateView = view == Calibration.View.AGGREGATE;
        BigDecimal cycleRate = current.overall().promotionRate();
        boolean overallSuppressed = aggregateView && current.overall().nominations() < minimum;
        Calibration.Group overall = group(null, current.overall(), null, null, overallSuppressed, false);

        Map<String, List<Calibration.Group>> groups = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            Map<String, Counts> byKey = current.groups().getOrDefault(dimension, Map.of());
            Set<String> suppressed = aggregateView ? suppressed(byKey, minimum, overallSuppressed) : Set.of();
            Map<String, Counts> before = previous == null ? Map.of()
                    : previous.groups().getOrDefault(dimension, Map.of());
            List<Calibration.Group> list = new ArrayList<>();
            byKey.forEach((key, counts) -> {
                Counts prior = before.get(key);
                BigDecimal priorRate = prior == null || (aggregateView && prior.nominations() < minimum) ? null
                        : prior.promotionRate();
                boolean small = counts.nominations() < minimum;
                // A manager is a person: a suppressed group does not even say whose team had a case.
                boolean hidden = suppressed.contains(key);
                String shownKey = hidden && "manager".equals(dimension) ? null : key;
                list.add(group(shownKey, counts, cycleRate, priorRate, hidden, small));
            });
            groups.put(dimension, list);
        }

        List<Calibration.EarlierCycle> earlierCycles = earlier.stream().map(c -> {
            Counts totals = earlierTotals.getOrDefault(c.id(), Counts.NONE);
            boolean hidden = aggregateView && totals.nominations() < minimum;
            return new Calibration.EarlierCycle(c.id(), c.name(), c.createdAt(), hidden ? null : totals.nominations(),
                    hidden ? null : totals.decided(), hidden ? null : totals.promoted(),
                    hidden ? null : totals.promotionRate(), hidden);
        }).toList();
        BigDecimal previousRate = earlierCycles.isEmpty() ? null : earlierCycles.get(0).promotionRate();
        BigDecimal change = overallSuppressed ? null : difference(cycleRate, previousRate);
        return new Calibration(cycle.id(), cycle.name(), cycle.state(), cycle.frameworkKey(), cycle.orgUnits(), view,
                minimum, settings.outlierMargin(), overall, groups,
                new Calibration.Drift(earlier.isEmpty() ? null : earlier.get(0).id(), change, earlierCycles));
    }

    private Calibration.Group group(String key, Counts counts, BigDecimal cycleRate, BigDecimal priorRate,
            boolean suppressed, boolean small) {
        if (suppressed) {
            return new Calibration.Group(key, null, null, null, null, null, null, null, null, null, false, null, true);
        }
        BigDecimal rate = counts.promotionRate();
        BigDecimal deviation = key == null ? null : difference(rate, cycleRate);
        boolean outlier = !small && deviation != null && deviation.abs().compareTo(settings.outlierMargin()) > 0;
        return new Calibration.Group(key, counts.nominations(), counts.decided(), counts.promoted(),
                counts.notPromoted(), counts.deferred(), counts.overrides(), rate, counts.averageReadiness(), deviation,
                outlier, key == null ? null : difference(rate, priorRate), false);
    }

    /**
     * Groups below the minimum; and when that is a single group of the dimension, the next smallest
     * too — otherwise the cycle's total minus the others would give its numbers away.
     */
    static Set<String> suppressed(Map<String, Counts> byKey, int minimum, boolean overallSuppressed) {
        if (overallSuppressed) {
            return byKey.keySet();
        }
        Set<String> hidden = new HashSet<>();
        byKey.forEach((key, counts) -> {
            if (counts.nominations() < minimum) {
                hidden.add(key);
            }
        });
        if (hidden.size() == 1 && byKey.size() > 1) {
            byKey.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                    .min(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().nominations())
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        return hidden;
    }

    /** The cycle's numbers as the ledger keeps them (groups whose cases were all withdrawn left out). */
    Aggregate aggregate(String cycleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT dimension, group_key, nominations, decided, promoted, not_promoted, deferred, overrides,
                       readiness_sum, readiness_count
                FROM calibration_group WHERE cycle_id = :cycle AND nominations > 0
                """).setParameter("cycle", cycleId).getResultList();
        Counts overall = Counts.NONE;
        Map<String, Map<String, Counts>> groups = new HashMap<>();
        for (Object[] row : rows) {
            long readinessCount = count(row[9]);
            BigDecimal readiness = readinessCount == 0 ? null : ((BigDecimal) row[8])
                    .divide(BigDecimal.valueOf(readinessCount), 4, RoundingMode.HALF_UP);
            Counts counts = new Counts(count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]),
                    count(row[7]), readiness);
            if ("overall".equals(row[0])) {
                overall = counts;
            } else {
                groups.computeIfAbsent((String) row[0], d -> new TreeMap<>()).put((String) row[1], counts);
            }
        }
        return new Aggregate(overall, groups);
    }

    /** Cycles of the same framework over the same org units, planned before this one, newest first. */
    private List<Cycle> earlierOfSameScope(Cycle cycle) {
        Set<String> units = Set.copyOf(cycle.orgUnits());
        return Cycle.<Cycle>list("frameworkKey = ?1 and createdAt < ?2 order by createdAt desc, id desc",
                cycle.frameworkKey(), cycle.createdAt()).stream()
                .filter(c -> Set.copyOf(c.orgUnits()).equals(units)).toList();
    }

    private Map<String, Counts> totals(List<Cycle> cycles) {
        if (cycles.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT cycle_id, nominations, decided, promoted FROM calibration_group
                WHERE dimension = 'overall' AND cycle_id IN (:cycles)
                """).setParameter("cycles", cycles.stream().map(Cycle::id).toList()).getResultList();
        Map<String, Counts> totals = new LinkedHashMap<>();
        for (Object[] row : rows) {
            totals.put((String) row[0], new Counts(count(row[1]), count(row[2]), count(row[3]), 0, 0, 0, null));
        }
        return totals;
    }

    private static Calibration.View viewFor(Caller caller, Cycle cycle) {
        if (caller.hasRole(Roles.HR_ADMIN)) {
            return Calibration.View.FULL;
        }
        boolean member = Committee.ofCycle(cycle.id()).stream().flatMap(c -> c.members().stream())
                .anyMatch(m -> m.employeeId().equals(caller.employeeId()));
        if (caller.hasRole(Roles.ANALYST) || member) {
            return Calibration.View.AGGREGATE;
        }
        throw ProblemException.forbidden("Calibration is for hr-admin, analysts and the cycle's committee members.");
    }

    private static BigDecimal difference(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
