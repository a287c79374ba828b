package org.leveling.levels.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Column(name = "framework_key", updatable = false)
    private String frameworkKey;
    @Column(name = "framework_version", updatable = false)
    private int frameworkVersion;
    @Column(name = "level_code", updatable = false)
    private String level;
    @Column(name = "effective_from", updatable = false)
    private LocalDate effectiveFrom;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Reason reason;
    @Column(name = "source_ref", updatable = false)
    private String sourceRef;
    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    protected LevelAssignment() {
        // For Hibernate.
    }

    public static LevelAssignment of(String employeeId, String frameworkKey, int frameworkVersion, String level,
            LocalDate effectiveFrom, Reason reason, String sourceRef, Instant recordedAt, String recordedBy) {
        LevelAssignment assignment = new LevelAssignment();
        assignment.employeeId = employeeId;
        assignment.frameworkKey = frameworkKey;
        assignment.frameworkVersion = frameworkVersion;
        assignment.level = level;
        assignment.effectiveFrom = effectiveFrom;
        assignment.reason = reason;
        assignment.sourceRef = sourceRef;
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

    public String frameworkKey() {
        return frameworkKey;
    }

    public int frameworkVersion() {
        return frameworkVersion;
    }

    public String level() {
        return level;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public Reason reason() {
        return reason;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
