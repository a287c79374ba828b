package org.leveling.evidence.domain;

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
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.leveling.common.persistence.EntityAttribute;
import org.leveling.common.persistence.RevisedEntity;
import org.leveling.common.problem.ProblemException;

/** Something a person did that shows one or more competencies at a level of a pinned framework version. */
@Entity
@Table(name = "evidence")
public class Evidence extends RevisedEntity {

    @Id
    private String id;
    @Column(name = "subject_id", updatable = false)
    private String subjectId;
    @Column(name = "author_id", updatable = false)
    private String authorId;
    @Column(name = "framework_key")
    private String frameworkKey;
    @Column(name = "framework_version")
    private int frameworkVersion;
    @Column(name = "level_code")
    private String level;
    // Replaced whole (List.copyOf), never changed in place: Hibernate need not deep-copy them through JSON.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<String> competencies;
    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;
    private String title;
    private String narrative;
    private String impact;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<String> links;
    @Column(name = "occurred_from")
    private LocalDate occurredFrom;
    @Column(name = "occurred_to")
    private LocalDate occurredTo;
    @Enumerated(EnumType.STRING)
    private EvidenceStatus status;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;
    @Column(name = "request_digest", updatable = false)
    private String requestDigest;

    protected Evidence() {
        // For Hibernate.
    }

    /**
     * Whose evidence this id is, without loading it: the access check comes before the row is read,
     * so that evidence outside the caller's scope costs what an unknown id costs.
     */
    public static String subjectOf(String id) {
        return EntityAttribute.ofId(Evidence.class, "subjectId", id, String.class);
    }

    public static Evidence draft(String id, String subjectId, String authorId, EvidenceContent content,
            String idempotencyKey, String requestDigest, Instant now) {
        Evidence evidence = new Evidence();
        evidence.id = id;
        evidence.subjectId = subjectId;
        evidence.authorId = authorId;
        evidence.apply(content);
        evidence.status = EvidenceStatus.DRAFT;
        evidence.firstRevision(now);
        evidence.idempotencyKey = idempotencyKey;
        evidence.requestDigest = requestDigest;
        return evidence;
    }

    /** Replaces the content of a draft; the caller has checked the status and validated the content. */
    public void edit(EvidenceContent content, Instant now) {
        apply(content);
        nextRevision(now);
    }

    /** Moves to {@code next}; false (and no change) when the lifecycle does not allow it. */
    public boolean moveTo(EvidenceStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            return false;
        }
        status = next;
        nextRevision(now);
        if (next == EvidenceStatus.SUBMITTED) {
            submittedAt = now;
        }
        return true;
    }

    private void apply(EvidenceContent content) {
        frameworkKey = content.frameworkKey();
        frameworkVersion = content.frameworkVersion();
        level = content.level();
        competencies = List.copyOf(content.competencies());
        kind = content.kind();
        title = content.title();
        narrative = content.narrative();
        impact = content.impact();
        links = List.copyOf(content.links());
        occurredFrom = content.occurredFrom();
        occurredTo = content.occurredTo();
    }

    public EvidenceContent content() {
        return new EvidenceContent(frameworkKey, frameworkVersion, level, competencies, kind, title, narrative, impact,
                links, occurredFrom, occurredTo);
    }

    public String id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String authorId() {
        return authorId;
    }

    public EvidenceStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String requestDigest() {
        return requestDigest;
    }

    /** 409 unless this evidence may move to {@code next} from its status. */
    void requireCanMoveTo(EvidenceStatus next) {
        if (!status().canMoveTo(next)) {
            throw ProblemException.conflict("Evidence is " + status() + ": it cannot become " + next + ".");
        }
    }
}
