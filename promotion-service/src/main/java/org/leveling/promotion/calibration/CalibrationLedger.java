package org.leveling.promotion.calibration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.promotion.domain.nomination.CaseStanding;
import org.leveling.promotion.domain.nomination.CaseStandingChanged;
import org.leveling.promotion.domain.nomination.Outcome;


/**
 * Keeps each cycle's calibration numbers (table calibration_group) up to date in the transaction of
 * the change that moves them: a case's contribution before the change is taken out, its contribution
 * after is put in. Rows are changed in one order (dimension, key), so concurrent changes of one cycle
 * wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class CalibrationLedger {

    static final String UNKNOWN = "(unknown)";

    private final EntityManager entityManager;

    public CalibrationLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Moves the case's cycle's numbers as the change says, in its transaction. */
    void standingChanged(@Observes CaseStandingChanged change) {
        record(change.standingBefore(), change.standingAfter());
    }

    private static Map<String, String> groups(CaseStanding c) {
        return Map.of("overall", "", "orgUnit", known(c.orgUnit()), "targetLevel", known(c.targetLevel()), "track",
                known(c.track()), "manager", known(c.manager()));
    }

    private static String known(String key) {
        return key == null ? UNKNOWN : key;
    }

    /** Moves the numbers of the case's cycle from what it contributed {@code before} to what it does now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(CaseStanding before, CaseStanding after) {
        if (before.equals(after)) {
            return;
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> readiness = new TreeMap<>();
        add(before, -1, counts, readiness);
        add(after, 1, counts, readiness);
        String cycleId = after.counted() ? after.cycleId() : before.cycleId();
        List<String> keys = new ArrayList<>(counts.keySet());
        for (String key : keys) {
            long[] d = counts.get(key);
            if (isZero(d) && readiness.get(key).signum() == 0) {
                continue;
            }
            String[] group = key.split("\u0000", 2);
            entityManager.createNativeQuery("""
                    INSERT INTO calibration_group (cycle_id, dimension, group_key, nominations, decided, promoted,
                        not_promoted, deferred, overrides, readiness_sum, readiness_count)
                    VALUES (:cycle, :dimension, :key, :n, :decided, :promoted, :notPromoted, :deferred, :overrides,
                        :readinessSum, :readinessCount)
                    ON CONFLICT (cycle_id, dimension, group_key) DO UPDATE SET
                        nominations = calibration_group.nominations + EXCLUDED.nominations,
                        decided = calibration_group.decided + EXCLUDED.decided,
                        promoted = calibration_group.promoted + EXCLUDED.promoted,
                        not_promoted = calibration_group.not_promoted + EXCLUDED.not_promoted,
                        deferred = calibration_group.deferred + EXCLUDED.deferred,
                        overrides = calibration_group.overrides + EXCLUDED.overrides,
                        readiness_sum = calibration_group.readiness_sum + EXCLUDED.readiness_sum,
                        readiness_count = calibration_group.readiness_count + EXCLUDED.readiness_count
                    """).setParameter("cycle", cycleId).setParameter("dimension", group[0])
                    .setParameter("key", group[1]).setParameter("n", d[0]).setParameter("decided", d[1])
                    .setParameter("promoted", d[2]).setParameter("notPromoted", d[3]).setParameter("deferred", d[4])
                    .setParameter("overrides", d[5]).setParameter("readinessSum", readiness.get(key))
                    .setParameter("readinessCount", d[6]).executeUpdate();
        }
    }

    /** Recomputes a cycle's rows from its cases (the source of truth); returns how many groups it has. */
    @Transactional
    public int rebuild(String cycleId) {
        // Serialises with changes of the cycle's cases, which lock their rows before recording.
        entityManager.createNativeQuery("SELECT id FROM nomination WHERE cycle_id = :cycle FOR UPDATE")
                .setParameter("cycle", cycleId).getResultList();
        entityManager.createNativeQuery("DELETE FROM calibration_group WHERE cycle_id = :cycle")
                .setParameter("cycle", cycleId).executeUpdate();
        return entityManager.createNativeQuery("""
                INSERT INTO calibration_group
                SELECT cycle_id,
                       CASE GROUPING(candidate_org_unit, target_level, target_track, candidate_manager_id)
                           WHEN 15 THEN 'overall' WHEN 7 THEN 'orgUnit' WHEN 11 THEN 'targetLevel'
                           WHEN 13 THEN 'track' ELSE 'manager' END,
                       CASE GROUPING(candidate_org_unit, target_level, target_track, candidate_manager_id)
                           WHEN 15 THEN '' WHEN 7 THEN coalesce(candidate_org_unit, '(unknown)')
                           WHEN 11 THEN coalesce(target_level, '(unknown)')
                           WHEN 13 THEN coalesce(target_track, '(unknown)')
                           ELSE coalesce(candidate_manager_id, '(unknown)') END,
                       count(*), count(outcome), count(*) FILTER (WHERE outcome = 'PROMOTED'),
                       count(*) FILTER (WHERE outcome = 'NOT_PROMOTED'), count(*) FILTER (WHERE outcome = 'DEFERRED'),
                       count(*) FILTER (WHERE override), coalesce(sum(readiness_score), 0), count(readiness_score)
                FROM nomination
                WHERE cycle_id = :cycle AND submitted_at IS NOT NULL AND status <> 'WITHDRAWN'
                GROUP BY GROUPING SETS ((cycle_id), (cycle_id, candidate_org_unit), (cycle_id, target_level),
                                        (cycle_id, target_track), (cycle_id, candidate_manager_id))
                """).setParameter("cycle", cycleId).executeUpdate();
    }

    private static void add(CaseStanding c, int sign, Map<String, long[]> counts, Map<String, BigDecimal> readiness) {
        if (!c.counted()) {
            return;
        }
        long[] delta = {1, c.outcome() == null ? 0 : 1, c.outcome() == Outcome.PROMOTED ? 1 : 0,
            c.outcome() == Outcome.NOT_PROMOTED ? 1 : 0, c.outcome() == Outcome.DEFERRED ? 1 : 0,
            c.override() ? 1 : 0, c.readiness() == null ? 0 : 1};
        BigDecimal score = Objects.requireNonNullElse(c.readiness(), BigDecimal.ZERO);
        groups(c).forEach((dimension, key) -> {
            String id = dimension + "\u0000" + key;
            long[] sum = counts.computeIfAbsent(id, k -> new long[delta.length]);
            for (int i = 0; i < delta.length; i++) {
                sum[i] += sign * delta[i];
            }
            readiness.merge(id, sign > 0 ? score : score.negate(), BigDecimal::add);
        });
    }

    private static boolean isZero(long[] values) {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
