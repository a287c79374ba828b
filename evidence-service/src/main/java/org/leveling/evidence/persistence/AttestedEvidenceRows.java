package org.leveling.evidence.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.leveling.common.persistence.NativeValues;

/**
 * A person's submitted and acknowledged evidence in a framework with its attestation counts, in one
 * query: readiness reads it on every computation, so it is not assembled from entities.
 */
@ApplicationScoped
public class AttestedEvidenceRows {

    /** One piece of evidence; {@code competencies} is its JSON array as text. */
    public record Row(String id, String levelCode, String competencies, String kind, String title, String status,
            LocalDate occurredFrom, LocalDate occurredTo, Instant submittedAt, long acknowledgements,
            long endorsements) {
    }

    private final EntityManager entityManager;

    public AttestedEvidenceRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Oldest first (by when it ended, then id). */
    public List<Row> of(String subjectId, String frameworkKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT e.id, e.level_code, e.competencies::text, e.kind, e.title, e.status, e.occurred_from,
                       e.occurred_to, e.submitted_at,
                       count(a.id) FILTER (WHERE a.kind = 'ACKNOWLEDGED'),
                       count(a.id) FILTER (WHERE a.kind = 'ENDORSED')
                FROM evidence e LEFT JOIN evidence_attestation a ON a.evidence_id = e.id
                WHERE e.subject_id = :subject AND e.framework_key = :framework
                  AND e.status IN ('SUBMITTED', 'ACKNOWLEDGED')
                GROUP BY e.id
                ORDER BY e.occurred_to, e.id
                """).setParameter("subject", subjectId).setParameter("framework", frameworkKey).getResultList();
        return rows.stream().map(row -> new Row((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], NativeValues.date(row[6]), NativeValues.date(row[7]),
                NativeValues.instant(row[8]), ((Number) row[9]).longValue(), ((Number) row[10]).longValue()))
                .toList();
    }
}
