package org.leveling.levels.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a person's level history: from {@code effectiveFrom}, this level of this framework version. */
@Entity
@Table(name = "level_assignment")
public class LevelAssignment extends PanacheEntityBase {

    public enum Reason {
        INITIAL, PROMOTION, TRANSFER, CORRECTION;

        /**
         * Whether an hr-admin's change for this reason waits for a second hr-admin. Only a person's
         * first level in a framework is written directly: every later one moves them on the ladder.
         */
        public boolean needsSecondPerson() {
            return this != INITIAL;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "employee_id", updatable = false)
    private String employeeId;
    @Embedded
    private LevelChange change;
    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    protected LevelAssignment() {
        // For Hibernate.
    }

    public static LevelAssignment of(String employeeId, LevelChange change, Instant recordedAt, String recordedBy) {
        LevelAssignment assignment = new LevelAssignment();
        assignment.employeeId = employeeId;
        assignment.change = change;
        assignment.recordedAt = recordedAt;
        assignment.recordedBy = recordedBy;
        return assignment;
    }

    public Long id() {
        return id;
    }

    public String employeeId() {
        return employeeId;
    }

    public LevelChange change() {
        return change;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
