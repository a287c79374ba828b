package org.leveling.promotion.domain.appeal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.leveling.common.persistence.EntityAttribute;
import org.leveling.promotion.domain.decision.Decision;

/** An appeal against a decision, by the candidate or the nominator; decided once (upheld or dismissed). */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    public enum Status {
        OPEN, UPHELD, DISMISSED
    }

    public enum AppellantRole {
        CANDIDATE, NOMINATOR
    }

    @Id
    private String id;
    @Column(name = "decision_id", updatable = false)
    private String decisionId;
    @Column(name = "nomination_id", updatable = false)
    private String nominationId;
    @Column(name = "appellant_id", updatable = false)
    private String appellantId;
    @Enumerated(EnumType.STRING)
    @Column(name = "appellant_role", updatable = false)
    private AppellantRole appellantRole;
    @Column(updatable = false)
    private String reason;
    @Column(name = "filed_at", updatable = false)
    private Instant filedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "new_decision_id")
    private String newDecisionId;

    protected Appeal() {
        // For Hibernate.
    }

    /** The case this id belongs to, without loading the row (access is checked first); null for none. */
    public static String nominationIdOf(String id) {
        return EntityAttribute.ofId(Appeal.class, "nominationId", id, String.class);
    }

    public static Appeal file(String id, Decision decision, String appellantId, AppellantRole role, String reason,
            Instant now) {
        Appeal appeal = new Appeal();
        appeal.id = id;
        appeal.decisionId = decision.id();
        appeal.nominationId = decision.nominationId();
        appeal.appellantId = appellantId;
        appeal.appellantRole = role;
        appeal.reason = reason;
        appeal.filedAt = now;
        appeal.status = Status.OPEN;
        return appeal;
    }

    public void decide(Status result, String decidedBy, String reason, String newDecisionId, Instant now) {
        this.status = result;
        this.decidedBy = decidedBy;
        this.decisionReason = reason;
        this.newDecisionId = newDecisionId;
        this.decidedAt = now;
    }

    public String id() {
        return id;
    }

    public String decisionId() {
        return decisionId;
    }

    public String nominationId() {
        return nominationId;
    }

    public String appellantId() {
        return appellantId;
    }

    public AppellantRole appellantRole() {
        return appellantRole;
    }

    public String reason() {
        return reason;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public Status status() {
        return status;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String newDecisionId() {
        return newDecisionId;
    }
}
