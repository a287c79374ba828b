package org.leveling.promotion.domain.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.leveling.common.persistence.RevisedEntity;

/** A promotion cycle of one framework over some org units, with its windows and its state. */
@Entity
@Table(name = "cycle")
public class Cycle extends RevisedEntity {

    /** The three windows, in order: nominations, review, calibration. */
    public record Windows(LocalDate nominationsFrom, LocalDate nominationsTo, LocalDate reviewFrom,
            LocalDate reviewTo, LocalDate calibrationFrom, LocalDate calibrationTo) {
    }

    @Id
    private String id;
    private String name;
    @Column(name = "framework_key", updatable = false)
    private String frameworkKey;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "org_units")
    private List<String> orgUnits;
    @Column(name = "nominations_from")
    private LocalDate nominationsFrom;
    @Column(name = "nominations_to")
    private LocalDate nominationsTo;
    @Column(name = "review_from")
    private LocalDate reviewFrom;
    @Column(name = "review_to")
    private LocalDate reviewTo;
    @Column(name = "calibration_from")
    private LocalDate calibrationFrom;
    @Column(name = "calibration_to")
    private LocalDate calibrationTo;
    @Enumerated(EnumType.STRING)
    private CycleState state;
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected Cycle() {
        // For Hibernate.
    }

    public static Cycle plan(String id, String name, String frameworkKey, List<String> orgUnits, Windows windows,
            String createdBy, Instant now) {
        Cycle cycle = new Cycle();
        cycle.id = id;
        cycle.name = name;
        cycle.frameworkKey = frameworkKey;
        cycle.orgUnits = List.copyOf(orgUnits);
        cycle.nominationsFrom = windows.nominationsFrom();
        cycle.nominationsTo = windows.nominationsTo();
        cycle.reviewFrom = windows.reviewFrom();
        cycle.reviewTo = windows.reviewTo();
        cycle.calibrationFrom = windows.calibrationFrom();
        cycle.calibrationTo = windows.calibrationTo();
        cycle.state = CycleState.PLANNED;
        cycle.firstRevision(now);
        cycle.createdBy = createdBy;
        return cycle;
    }

    /** Applies the action; false (and no change) when the cycle is not in the state it starts from. */
    public boolean apply(CycleState.Action action, Instant now) {
        if (state != action.from()) {
            return false;
        }
        state = action.to();
        nextRevision(now);
        return true;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String frameworkKey() {
        return frameworkKey;
    }

    public List<String> orgUnits() {
        return orgUnits;
    }

    public Windows windows() {
        return new Windows(nominationsFrom, nominationsTo, reviewFrom, reviewTo, calibrationFrom, calibrationTo);
    }

    public CycleState state() {
        return state;
    }

    public String createdBy() {
        return createdBy;
    }
}
