package org.leveling.promotion.domain.nomination;

import java.math.BigDecimal;
import java.time.Instant;
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

/** A case: a candidate nominated for a target level in a cycle, pinned to a framework version. */
@Entity
@Table(name = "nomination")
public class Nomination extends RevisedEntity implements CaseParties {

    @Id
    private String id;
    @Column(name = "cycle_id", updatable = false)
    private String cycleId;
    @Column(name = "candidate_id", updatable = false)
    private String candidateId;
    @Column(name = "nominator_id", updatable = false)
    private String nominatorId;
    @Column(name = "framework_key", updatable = false)
    private String frameworkKey;
    @Column(name = "framework_version")
    private int frameworkVersion;
    @Column(name = "target_level")
    private String targetLevel;
    private String justification;
    @Enumerated(EnumType.STRING)
    private NominationStatus status;
    @Column(name = "committee_id")
    private String committeeId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligible_members")
    private List<String> eligibleMembers;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "candidate_org_unit")
    private String candidateOrgUnit;
    @Column(name = "candidate_manager_id")
    private String candidateManagerId;
    @Column(name = "target_track")
    private String targetTrack;
    @Column(name = "readiness_score")
    private BigDecimal readinessScore;
    @Column(name = "acting_chair_id")
    private String actingChairId;
    @Column(name = "decision_id")
    private String decisionId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private Boolean override;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Nomination() {
        // For Hibernate.
    }

    public static Nomination draft(String id, String cycleId, String candidateId, String nominatorId,
            String frameworkKey, int frameworkVersion, String targetLevel, String justification, Instant now) {
        Nomination nomination = new Nomination();
        nomination.id = id;
        nomination.cycleId = cycleId;
        nomination.candidateId = candidateId;
        nomination.nominatorId = nominatorId;
        nomination.frameworkKey = frameworkKey;
        nomination.frameworkVersion = frameworkVersion;
        nomination.targetLevel = targetLevel;
        nomination.justification = justification;
        nomination.status = NominationStatus.DRAFT;
        nomination.firstRevision(now);
        return nomination;
    }

    /**
     * A case that does not exist, about nobody, in no cycle: what access checks run on for an unknown
     * id, so that they take the same work as for a hidden case (see CaseAccess). Never persisted.
     */
    static Nomination standIn(String id) {
        Nomination nomination = new Nomination();
        nomination.id = id;
        nomination.cycleId = id;
        nomination.candidateId = id;
        nomination.nominatorId = id;
        nomination.committeeId = id;
        nomination.eligibleMembers = List.of();
        nomination.status = NominationStatus.SUBMITTED;
        return nomination;
    }

    /** The parties of case {@code id}, read without loading the entity; null when there is no such case. */
    static CaseParties.Projection partiesOf(String id) {
        return getEntityManager().createQuery("select new " + CaseParties.Projection.class.getName()
                        + "(n.id, n.cycleId, n.candidateId, n.nominatorId, n.committeeId, n.eligibleMembers) "
                        + "from Nomination n where n.id = :id", CaseParties.Projection.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    public void edit(String targetLevel, String justification, Instant now) {
        this.targetLevel = targetLevel;
        this.justification = justification;
        nextRevision(now);
    }

    /** Who the case is about at submission, kept for calibration: later org changes do not rewrite it. */
    public record Snapshot(String orgUnit, String managerId, String targetTrack) {
    }

    public void submit(String committeeId, List<String> eligibleMembers, Snapshot snapshot, Instant now) {
        this.committeeId = committeeId;
        this.candidateOrgUnit = snapshot.orgUnit();
        this.candidateManagerId = snapshot.managerId();
        this.targetTrack = snapshot.targetTrack();
        this.eligibleMembers = List.copyOf(eligibleMembers);
        status = NominationStatus.SUBMITTED;
        submittedAt = now;
        nextRevision(now);
    }

    /** Takes a recused member off the case; false when they were not on it. */
    public boolean recuse(String memberId, Instant now) {
        if (eligibleMembers == null || !eligibleMembers.contains(memberId)) {
            return false;
        }
        eligibleMembers = eligibleMembers.stream().filter(m -> !m.equals(memberId)).toList();
        nextRevision(now);
        return true;
    }

    /** Takes members off the case for good: a conflict of interest arose after submission. */
    public void loseEligibility(List<String> memberIds, Instant now) {
        eligibleMembers = eligibleMembers().stream().filter(m -> !memberIds.contains(m)).toList();
        nextRevision(now);
    }

    public void enterReview(BigDecimal readinessScore, Instant now) {
        this.readinessScore = readinessScore;
        status = NominationStatus.IN_REVIEW;
        nextRevision(now);
    }

    public void withdraw(Instant now) {
        status = NominationStatus.WITHDRAWN;
        withdrawnAt = now;
        nextRevision(now);
    }

    public void designateActingChair(String memberId, Instant now) {
        actingChairId = memberId;
        nextRevision(now);
    }

    /** The decision in force: the first, or the one an upheld appeal put in its place. */
    public void decided(String decisionId, Outcome outcome, boolean override, Instant now) {
        this.decisionId = decisionId;
        this.outcome = outcome;
        this.override = override;
        status = NominationStatus.DECIDED;
        nextRevision(now);
    }

    public String id() {
        return id;
    }

    public String cycleId() {
        return cycleId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String nominatorId() {
        return nominatorId;
    }

    public String frameworkKey() {
        return frameworkKey;
    }

    public int frameworkVersion() {
        return frameworkVersion;
    }

    public String targetLevel() {
        return targetLevel;
    }

    public String justification() {
        return justification;
    }

    public NominationStatus status() {
        return status;
    }

    public String committeeId() {
        return committeeId;
    }

    public List<String> eligibleMembers() {
        return eligibleMembers == null ? List.of() : eligibleMembers;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String candidateOrgUnit() {
        return candidateOrgUnit;
    }

    public String candidateManagerId() {
        return candidateManagerId;
    }

    public String targetTrack() {
        return targetTrack;
    }

    public BigDecimal readinessScore() {
        return readinessScore;
    }

    public String actingChairId() {
        return actingChairId;
    }

    public String decisionId() {
        return decisionId;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Whether the decision in force overrode the votes; null until decided. */
    public Boolean override() {
        return override;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
