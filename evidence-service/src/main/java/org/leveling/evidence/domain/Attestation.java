package org.leveling.evidence.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One attestation of a piece of evidence; append-only (the database refuses changes). */
@Entity
@Table(name = "evidence_attestation")
public class Attestation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "evidence_id", updatable = false)
    private String evidenceId;
    @Column(name = "attester_id", updatable = false)
    private String attesterId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AttestationKind kind;
    @Column(updatable = false)
    private String comment;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected Attestation() {
        // For Hibernate.
    }

    public static Attestation of(String evidenceId, String attesterId, AttestationKind kind, String comment,
            Instant now) {
        Attestation attestation = new Attestation();
        attestation.evidenceId = evidenceId;
        attestation.attesterId = attesterId;
        attestation.kind = kind;
        attestation.comment = comment;
        attestation.createdAt = now;
        return attestation;
    }

    public static List<Attestation> of(String evidenceId) {
        return list("evidenceId", Sort.by("id"), evidenceId);
    }

    public static boolean endorsedBy(String evidenceId, String attesterId) {
        return count("evidenceId = ?1 and attesterId = ?2 and kind = ?3", evidenceId, attesterId,
                AttestationKind.ENDORSED) > 0;
    }

    public static long endorsements(String evidenceId) {
        return count("evidenceId = ?1 and kind = ?2", evidenceId, AttestationKind.ENDORSED);
    }

    /** Attestations of many pieces of evidence in one query, per evidence id, oldest first. */
    public static Map<String, List<Attestation>> of(Collection<String> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        return Attestation.<Attestation>list("evidenceId in ?1", Sort.by("id"), evidenceIds).stream()
                .collect(Collectors.groupingBy(a -> a.evidenceId));
    }

    public String attesterId() {
        return attesterId;
    }

    public AttestationKind kind() {
        return kind;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
