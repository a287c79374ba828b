package org.leveling.promotion.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.audit.AuditRowScope;
import org.leveling.common.security.ManagementChains;

/**
 * The audit rows of a case (nomination, its votes, decisions and appeals) are hidden from whoever has
 * a conflict of interest on it, hr-admins included: the vote rows carry the rationales the candidate
 * must never read. The same conflicts as {@code CaseAccess.conflictsOfInterest}, in SQL, checked at
 * the time of reading: candidate, nominator, the candidate's management chain (the callers' reports
 * below them now), recusals, attesters of the packet's evidence.
 */
@ApplicationScoped
public class ConflictedCaseAuditRows implements AuditRowScope {

    private static final String HIDDEN = """
            audit_log.resource_type IN ('nomination', 'vote', 'decision', 'appeal') AND EXISTS (
                SELECT 1 FROM nomination n
                WHERE n.id = CASE audit_log.resource_type
                        WHEN 'nomination' THEN audit_log.resource_id
                        WHEN 'vote' THEN split_part(audit_log.resource_id, '/', 1)
                        WHEN 'decision' THEN (SELECT d.nomination_id FROM decision d WHERE d.id = audit_log.resource_id)
                        WHEN 'appeal' THEN (SELECT a.nomination_id FROM appeal a WHERE a.id = audit_log.resource_id)
                    END
                AND (n.candidate_id = :auditCaller OR n.nominator_id = :auditCaller
                    OR EXISTS (SELECT 1 FROM recusal r WHERE r.nomination_id = n.id AND r.member_id = :auditCaller)
                    OR EXISTS (SELECT 1 FROM packet_evidence pe
                               JOIN evidence_attestation ea ON ea.evidence_id = pe.evidence_id
                               WHERE pe.nomination_id = n.id AND ea.attester_id = :auditCaller)
                    OR n.candidate_id IN (WITH RECURSIVE reports (employee_id, depth) AS (
                            SELECT employee_id, 1 FROM directory_person WHERE manager_id = :auditCaller
                            UNION
                            SELECT p.employee_id, r.depth + 1 FROM directory_person p
                            JOIN reports r ON p.manager_id = r.employee_id WHERE r.depth < %d)
                        SELECT employee_id FROM reports)))
            """.formatted(ManagementChains.MAX_CHAIN_DEPTH);

    @Override
    public String hiddenRows() {
        return HIDDEN;
    }
}
