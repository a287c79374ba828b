package org.leveling.promotion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.leveling.common.persistence.NativeValues;

/** A cycle's history of states (table {@code cycle_transition}, no entity), append-only. */
@ApplicationScoped
public class CycleTransitions {

    /** One transition; {@code from} is null for the planning of the cycle. */
    public record Row(String from, String to, Instant at, String by) {
    }

    private final EntityManager entityManager;

    public CycleTransitions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void append(String cycleId, String from, String to, Instant at, String by) {
        entityManager.createNativeQuery("""
                INSERT INTO cycle_transition (cycle_id, from_state, to_state, at, by_employee)
                VALUES (:cycle, :from, :to, :at, :by)
                """).setParameter("cycle", cycleId).setParameter("from", from)
                .setParameter("to", to).setParameter("at", Timestamp.from(at))
                .setParameter("by", by).executeUpdate();
    }

    /** Oldest first. */
    public List<Row> of(String cycleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT from_state, to_state, at, by_employee FROM cycle_transition WHERE cycle_id = :id ORDER BY id
                """).setParameter("id", cycleId).getResultList();
        return rows.stream()
                .map(r -> new Row((String) r[0], (String) r[1], NativeValues.instant(r[2]), (String) r[3]))
                .toList();
    }
}
