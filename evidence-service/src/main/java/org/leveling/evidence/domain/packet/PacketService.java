package org.leveling.evidence.domain.packet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.evidence.domain.CommitteeAccess;
import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.ReadinessService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packet saga on evidence-service's side (no synchronous call): a submitted nomination grants
 * its committee read access to the candidate's evidence and gets one packet — the candidate's
 * readiness and counted evidence, frozen — published as packet-assembled; its decision (or its withdrawal) ends the access.
 */
@ApplicationScoped
public class PacketService {

    private final EntityManager entityManager;
    private final CommitteeAccess committees;
    private final ReadinessService readiness;
    private final FrameworkCatalog catalog;
    private final ChangeRecorder changes;
    private final ObjectMapper json;
    private final Clock clock;

    public PacketService(EntityManager entityManager, CommitteeAccess committees, ReadinessService readiness,
            FrameworkCatalog catalog, ChangeRecorder changes, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.committees = committees;
        this.readiness = readiness;
        this.catalog = catalog;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Grants the committee access and assembles the packet once per nomination: a duplicate event
     * (even with another event id) finds the packet and publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nominationSubmitted(SubmittedNomination nomination, EventCause cause) {
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
        Packet packet = Packet.of(nomination.nominationId(), computed, now);
        entityManager.createNativeQuery("""
                INSERT INTO packet (nomination_id, candidate_id, payload, assembled_at)
                VALUES (:id, :candidate, CAST(:payload AS jsonb), :now)
                """).setParameter("id", nomination.nominationId()).setParameter("candidate", nomination.candidateId())
                .setParameter("payload", write(packet)).setParameter("now", Timestamp.from(now)).executeUpdate();
        changes.record(cause, Change.of("packet", nomination.nominationId(), null,
                new PacketSummary(nomination.nominationId(), nomination.candidateId(), computed.verdict(),
                        computed.evidence().size(), nomination.committeeMembers().size()))
                .causing(new PacketAssembled(packet)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseEnded(String nominationId, EventCause cause) {
        int revoked = committees.revoke(nominationId, clock.instant());
        if (revoked > 0) {
            changes.record(cause, Change.of("committee-grant", nominationId,
                    new GrantSummary(nominationId, revoked, true), new GrantSummary(nominationId, revoked, false)));
        }
    }

    /** A member recused themselves ({@code cause}) or became conflicted on the case after submission: their access ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberLeft(String nominationId, String memberId, EventCause cause) {
        if (committees.revoke(nominationId, memberId, clock.instant())) {
            changes.record(cause, Change.of("committee-grant", nominationId + "/" + memberId,
                    new GrantSummary(nominationId, 1, true), new GrantSummary(nominationId, 1, false)));
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
