package org.leveling.evidence.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.audit.AuditTrail;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.outbox.Outbox;
import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.ReadinessService;
import org.leveling.evidence.messaging.EligibilityChanged;
import org.leveling.evidence.messaging.NominationSubmitted;
import org.leveling.evidence.messaging.PacketAssembledV1;
import org.leveling.evidence.messaging.RecusalDeclared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packet saga on evidence-service's side (no synchronous call): a submitted nomination grants
 * its committee read access to the candidate's evidence and gets one packet — the candidate's
 * readiness and counted evidence, frozen — published as packet-assembled; its decision (or its withdrawal) ends the access.
 */
@ApplicationScoped
public class PacketService {

    private static final String ACTOR = "promotion-service";

    private final EntityManager entityManager;
    private final CommitteeAccess committees;
    private final ReadinessService readiness;
    private final FrameworkCatalog catalog;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public PacketService(EntityManager entityManager, CommitteeAccess committees, ReadinessService readiness,
            FrameworkCatalog catalog, Outbox outbox, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.committees = committees;
        this.readiness = readiness;
        this.catalog = catalog;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Grants the committee access and assembles the packet once per nomination: a duplicate event
     * (even with another event id) finds the packet and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nominationSubmitted(NominationSubmitted nomination, String eventId) {
        Instant now = clock.instant();
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:id, 1))")
                .setParameter("id", nomination.nominationId()).getSingleResult();
        if (!entityManager.createNativeQuery("SELECT 1 FROM packet WHERE nomination_id = :id")
                .setParameter("id", nomination.nominationId()).getResultList().isEmpty()) {
            return; // a duplicate: neither a second packet nor access for members it may list anew
        }
        committees.grant(nomination.nominationId(), nomination.candidateId(), nomination.committeeMembers(), now);
        if (catalog.find(nomination.frameworkKey(), nomination.frameworkVersion()).isEmpty()) {
            // Framework events travel on another topic: not an error yet, so the inbox retries.
            throw new IllegalStateException("version " + nomination.frameworkVersion() + " of framework '"
                    + nomination.frameworkKey() + "' is not known here yet");
        }
        Readiness computed = readiness.compute(nomination.candidateId(), nomination.targetLevel(),
                nomination.frameworkKey(), nomination.frameworkVersion());
        PacketAssembledV1 packet = PacketAssembledV1.of(nomination.nominationId(), computed, now);
        entityManager.createNativeQuery("""
                INSERT INTO packet (nomination_id, candidate_id, payload, assembled_at)
                VALUES (:id, :candidate, CAST(:payload AS jsonb), :now)
                """).setParameter("id", nomination.nominationId()).setParameter("candidate", nomination.candidateId())
                .setParameter("payload", write(packet)).setParameter("now", Timestamp.from(now)).executeUpdate();
        outbox.record(packet.toOutbox());
        audit.recordEventChange(ACTOR, NominationSubmitted.TYPE, eventId, "packet", nomination.nominationId(), null,
                new PacketSummary(nomination.nominationId(), nomination.candidateId(), computed.verdict(),
                        computed.evidence().size(), nomination.committeeMembers().size()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseEnded(String nominationId, String eventType, String eventId) {
        int revoked = committees.revoke(nominationId, clock.instant());
        if (revoked > 0) {
            audit.recordEventChange(ACTOR, eventType, eventId, "committee-grant", nominationId,
                    new GrantSummary(nominationId, revoked, true), new GrantSummary(nominationId, revoked, false));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recusalDeclared(RecusalDeclared recusal, String eventId) {
        if (committees.revoke(recusal.nominationId(), recusal.memberId(), clock.instant())) {
            audit.recordEventChange(ACTOR, RecusalDeclared.TYPE, eventId, "committee-grant",
                    recusal.nominationId() + "/" + recusal.memberId(),
                    new GrantSummary(recusal.nominationId(), 1, true), new GrantSummary(recusal.nominationId(), 1, false));
        }
    }

    /** Members who became conflicted on the case after submission: each one's access ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eligibilityChanged(EligibilityChanged change, String eventId) {
        for (EligibilityChanged.Removed removed : change.removed()) {
            if (committees.revoke(change.nominationId(), removed.memberId(), clock.instant())) {
                audit.recordEventChange(ACTOR, EligibilityChanged.TYPE, eventId, "committee-grant",
                        change.nominationId() + "/" + removed.memberId(),
                        new GrantSummary(change.nominationId(), 1, true),
                        new GrantSummary(change.nominationId(), 1, false));
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A packet could not be written as JSON", e);
        }
    }

    record PacketSummary(String nominationId, String candidateId, Readiness.Verdict verdict, int evidence,
            int committeeMembers) {
    }

    record GrantSummary(String nominationId, int members, boolean active) {
    }
}
