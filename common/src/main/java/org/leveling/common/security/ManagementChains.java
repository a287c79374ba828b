package org.leveling.common.security;

import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Who manages whom, from a service's own people data: levels-service's directory, or the people
 * read model in the other services. The access policy asks nothing else.
 */
public interface ManagementChains {

    /** Longer chains are treated as corrupt data rather than walked forever. */
    int MAX_CHAIN_DEPTH = 64;

    /** The managers above a person, nearest first; empty for an unknown person. */
    List<String> managementChain(String employeeId);

    /**
     * Walks {@code manager_id} upwards from {@code employeeId} in {@code table} (a people table of
     * this service with {@code employee_id} and {@code manager_id} columns), nearest manager first,
     * stopping at a loop back to the start or at {@link #MAX_CHAIN_DEPTH}.
     */
    @SuppressWarnings("unchecked")
    static List<String> walkUp(EntityManager entityManager, String table, String employeeId) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        return entityManager.createNativeQuery("""
                WITH RECURSIVE chain (employee_id, manager_id, depth) AS (
                    SELECT employee_id, manager_id, 0 FROM %1$s WHERE employee_id = :id
                    UNION ALL
                    SELECT p.employee_id, p.manager_id, c.depth + 1
                    FROM %1$s p JOIN chain c ON p.employee_id = c.manager_id
                    WHERE c.depth < :maxDepth AND p.employee_id <> :id
                )
                SELECT employee_id FROM chain WHERE depth > 0 ORDER BY depth
                """.formatted(table)).setParameter("id", employeeId).setParameter("maxDepth", MAX_CHAIN_DEPTH)
                .getResultList();
    }
}
