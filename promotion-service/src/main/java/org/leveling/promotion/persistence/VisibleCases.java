package org.leveling.promotion.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Which cases a caller may list, in SQL so that a page is one query however many cases the service
 * holds: those they nominated, are the candidate of or an eligible member of, and those of anyone in
 * their reporting chain below them.
 */
@ApplicationScoped
public class VisibleCases {

    private final EntityManager entityManager;

    public VisibleCases(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Up to {@code limit} nomination ids after {@code after} (null: from the first), by id, of the
     * cycle and in the status given (null: any); {@code viewer} null lists every case.
     */
    public List<String> ids(String cycleId, String status, String viewer, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT n.id FROM nomination n WHERE true");
        if (cycleId != null) {
            sql.append(" AND n.cycle_id = :cycle");
        }
        if (status != null) {
            sql.append(" AND n.status = :status");
        }
        if (viewer != null) {
            sql.append(' ').append("""
                     AND (n.nominator_id = :me OR n.candidate_id = :me
                       OR n.eligible_members @> jsonb_build_array(CAST(:me AS text))
                       OR n.candidate_id IN (WITH RECURSIVE reports(id) AS (
                            SELECT employee_id FROM directory_person WHERE manager_id = :me
                            UNION SELECT p.employee_id FROM directory_person p JOIN reports r ON p.manager_id = r.id)
                          SELECT id FROM reports))""");
        }
        if (after != null) {
            sql.append(" AND n.id > :after");
        }
        sql.append(" ORDER BY n.id LIMIT :limit");
        var query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit);
        if (cycleId != null) {
            query.setParameter("cycle", cycleId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (viewer != null) {
            query.setParameter("me", viewer);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        return ids;
    }
}
