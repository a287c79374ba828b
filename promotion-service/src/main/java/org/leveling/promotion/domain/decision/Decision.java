package org.leveling.promotion.domain.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import org.leveling.common.persistence.EntityAttribute;
import org.leveling.promotion.domain.nomination.Nomination;
import org.leveling.promotion.domain.nomination.Outcome;
import org.leveling.promotion.domain.voting.Tally;

/**
 * A committee's decision on a case. Never changed once written (the database refuses UPDATE and
 * DELETE); an upheld appeal writes a new decision that names the one it supersedes.
 */
@Entity
@Immutable
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    /** Why, in the committee's words: a summary and one assessment per competency of the target level. */
    public record Rationale(String summary, List<CompetencyAssessment> competencies) {
    }

    public record CompetencyAssessment(String competency, String assessment) {
    }

    @Id
    private String id;
    @Column(name = "nomination_id")
    private String nominationId;
    @Column(name = "cycle_id")
    private String cycleId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    private Rationale rationale;
    @Column(name = "effective_date")
    private LocalDate effectiveDate;
    private int approvals;
    private int rejections;
    private int abstentions;
    @Enumerated(EnumType.STRING)
    private Outcome majority;
    private boolean override;
    @Column(name = "override_reason")
    private String overrideReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "supersedes_decision_id")
    private String supersedesDecisionId;
    @Column(name = "appeal_id")
    private String appealId;

    protected Decision() {
        // For Hibernate.
    }

    /** The case this id belongs to, without loading the row (access is checked first); null for none. */
    public static String nominationIdOf(String id) {
        return EntityAttribute.ofId(Decision.class, "nominationId", id, String.class);
    }

    public static Decision record(String id, Nomination nomination, Outcome outcome, Rationale rationale,
            LocalDate effectiveDate, Tally tally, String overrideReason, String decidedBy, Instant now,
            String supersedesDecisionId, String appealId) {
        Decision decision = new Decision();
        decision.id = id;
        decision.nominationId = nomination.id();
        decision.cycleId = nomination.cycleId();
        decision.candidateId = nomination.candidateId();
        decision.outcome = outcome;
        decision.rationale = rationale;
        decision.effectiveDate = effectiveDate;
        decision.approvals = tally.approve();
        decision.rejections = tally.reject();
        decision.abstentions = tally.abstain();
        decision.majority = tally.majority();
        decision.override = isOverride(outcome, tally);
        decision.overrideReason = decision.override ? overrideReason : null;
        decision.decidedBy = decidedBy;
        decision.decidedAt = now;
        decision.supersedesDecisionId = supersedesDecisionId;
        decision.appealId = appealId;
        return decision;
    }

    /** The outcome goes against a majority of the votes (a tie has no majority to go against). */
    public static boolean isOverride(Outcome outcome, Tally tally) {
        return tally.majority() != null && tally.majority() != outcome;
    }

    public static List<Decision> ofNomination(String nominationId) {
        return list("nominationId", Sort.by("decidedAt").and("id"), nominationId);
    }

    public String id() {
        return id;
    }

    public String nominationId() {
        return nominationId;
    }

    public String cycleId() {
        return cycleId;
    }

    public String candidateId() {
        return candidateId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Rationale rationale() {
        return rationale;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public Tally tally() {
        return new Tally(approvals, rejections, abstentions);
    }

    public Outcome majority() {
        return majority;
    }

    public boolean override() {
        return override;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String supersedesDecisionId() {
        return supersedesDecisionId;
    }

    public String appealId() {
        return appealId;
    }
}
