package org.leveling.promotion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.leveling.common.security.ManagementChains;

/**
 * What the conflict checks read about evidence (tables {@code packet_evidence} and
 * {@code evidence_attestation}, no entities) and which open cases a change may touch.
 */
@ApplicationScoped
public class PacketEvidenceRows {

    private final EntityManager entityManager;

    public PacketEvidenceRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The evidence is in the case's packet; a second time changes nothing. */
    public void addToPacket(String nominationId, String evidenceId) {
        entityManager.createNativeQuery("""
                INSERT INTO packet_evidence (nomination_id, evidence_id) VALUES (:nomination, :evidence)
                ON CONFLICT DO NOTHING
                """).setParameter("nomination", nominationId).setParameter("evidence", evidenceId)
                .executeUpdate();
    }

    /** An acknowledgement or endorsement seen on evidence-service's topic; a second time changes nothing. */
    public void recordAttestation(String evidenceId, String attesterId, String kind, Instant attestedAt,
            String sourceEventId) {
        entityManager.createNativeQuery("""
                INSERT INTO evidence_attestation (evidence_id, attester_id, kind, attested_at, source_event_id)
                VALUES (:evidence, :attester, :kind, :at, :eventId) ON CONFLICT DO NOTHING
                """).setParameter("evidence", evidenceId).setParameter("attester", attesterId)
                .setParameter("kind", kind).setParameter("at", Timestamp.from(attestedAt))
                .setParameter("eventId", sourceEventId).executeUpdate();
    }

    /** The open cases (submitted or in review) whose packet holds the evidence, by id. */
    public List<String> openCasesHolding(String evidenceId) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("""
                SELECT n.id FROM nomination n JOIN packet_evidence p ON p.nomination_id = n.id
                WHERE p.evidence_id = :evidence AND n.status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY n.id
                """).setParameter("evidence", evidenceId).getResultList();
        return ids;
    }

    /** The open cases whose candidate is the person or anyone below them, by id. */
    public List<String> openCasesOfOrBelow(String employeeId) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("""
                WITH RECURSIVE below (employee_id, depth) AS (
                    SELECT CAST(:id AS varchar), 0
                    UNION
                    SELECT p.employee_id, b.depth + 1 FROM directory_person p JOIN below b ON p.manager_id = b.employee_id
                    WHERE b.depth < :maxDepth
                )
                SELECT n.id FROM nomination n WHERE n.status IN ('SUBMITTED', 'IN_REVIEW')
                AND n.candidate_id IN (SELECT employee_id FROM below) ORDER BY n.id
                """).setParameter("id", employeeId).setParameter("maxDepth", ManagementChains.MAX_CHAIN_DEPTH)
                .getResultList();
        return ids;
    }
}
