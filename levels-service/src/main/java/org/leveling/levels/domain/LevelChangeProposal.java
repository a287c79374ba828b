package org.leveling.levels.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.leveling.common.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A manual level change waiting for a second hr-admin (the two-person rule): PROPOSED, then once
 * APPROVED (its history entry appended) or REJECTED (with a reason). What was proposed never changes.
 */
@Entity
@Table(name = "level_change_proposal")
public class LevelChangeProposal extends PanacheEntityBase {

    public enum Status { PROPOSED, APPROVED, REJECTED }

    @Id
    private String id;
    @Column(name = "employee_id", updatable = false)
    private String employeeId;
    @Embedded
    private LevelChange change;
    @Column(name = "based_on_entry_id", updatable = false)
    private Long basedOnEntryId;
    @Column(name = "previous_level", updatable = false)
    private String previousLevel;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "proposed_by", updatable = false)
    private String proposedBy;
    @Column(name = "proposed_at", updatable = false)
    private Instant proposedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "history_entry_id")
    private Long historyEntryId;

    protected LevelChangeProposal() {
        // For Hibernate.
    }

    /** A change proposed against the person's history as it is now ({@code latest}: its latest entry). */
    static LevelChangeProposal propose(String id, String employeeId, LevelChange change,
            Optional<LevelAssignment> latest, String proposedBy, Instant now) {
        LevelChangeProposal proposal = new LevelChangeProposal();
        proposal.id = id;
        proposal.employeeId = employeeId;
        proposal.change = change;
        proposal.basedOnEntryId = latest.map(LevelAssignment::id).orElse(null);
        proposal.previousLevel = latest.map(entry -> entry.change().level()).orElse(null);
        proposal.status = Status.PROPOSED;
        proposal.proposedBy = proposedBy;
        proposal.proposedAt = now;
        return proposal;
    }

    /** The open proposal for a person, if there is one. */
    static Optional<LevelChangeProposal> openFor(String employeeId) {
        return find("employeeId = ?1 and status = ?2", employeeId, Status.PROPOSED).firstResultOptional();
    }

    /** The history entry an approval appends; without a source of its own, the proposal is what caused it. */
    LevelChange change() {
        return change.sourcedBy(id);
    }

    void approve(String approver, Instant now, long entryId) {
        decide(Status.APPROVED, approver, now);
        historyEntryId = entryId;
    }

    void reject(String rejecter, Instant now, String why) {
        decide(Status.REJECTED, rejecter, now);
        rejectionReason = why;
    }

    private void decide(Status decision, String decider, Instant now) {
        requireOpen();
        status = decision;
        decidedBy = decider;
        decidedAt = now;
    }

    void requireOpen() {
        if (status != Status.PROPOSED) {
            throw ProblemException.conflict("Level change proposal " + id + " is already " + status
                    + " by " + decidedBy + "; a decided proposal does not change. Propose the change again if needed.");
        }
    }

    public String id() {
        return id;
    }

    public String employeeId() {
        return employeeId;
    }

    /** The change as proposed, its source as given (none, most often). */
    public LevelChange proposed() {
        return change;
    }

    public Long basedOnEntryId() {
        return basedOnEntryId;
    }

    public String previousLevel() {
        return previousLevel;
    }

    public Status status() {
        return status;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Long historyEntryId() {
        return historyEntryId;
    }

    /** The proposal as it is now, for the events it causes. */
    public Snapshot snapshot() {
        return new Snapshot(id, employeeId, change.frameworkKey(), change.frameworkVersion(), change.level(),
                previousLevel, change.effectiveFrom(), change.reason(), status, proposedBy, proposedAt, decidedBy,
                decidedAt, historyEntryId);
    }

    /** What a proposal says, detached from its row (the rejection's reason stays in the row). */
    public record Snapshot(String id, String employeeId, String frameworkKey, int frameworkVersion, String level,
            String previousLevel, LocalDate effectiveFrom, LevelAssignment.Reason reason, Status status,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, Long historyEntryId) {
    }
}
