package org.leveling.evidence.domain.packet;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.ReadinessService;
import org.leveling.evidence.persistence.AdvisoryLocks;
import org.leveling.evidence.persistence.CommitteeGrants;
import org.leveling.evidence.persistence.Packets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packet saga on evidence-service's side (no synchronous call): a submitted nomination grants
 * its committee read access to the candidate's evidence and gets one packet — the candidate's
 * readiness and counted evidence, frozen — published as packet-assembled; its decision (or its withdrawal) ends the access.
 */
@ApplicationScoped
public class PacketService {

    private final Packets packets;
    private final AdvisoryLocks locks;
    private final CommitteeGrants committees;
    private final ReadinessService readiness;
    private final FrameworkCatalog catalog;
    private final ChangeRecorder changes;
    private final ObjectMapper json;
    private final Clock clock;

    public PacketService(Packets packets, AdvisoryLocks locks, CommitteeGrants committees, ReadinessService readiness,
            FrameworkCatalog catalog, ChangeRecorder changes, ObjectMapper json, Clock clock) {
        this.packets = packets;
        this.locks = locks;
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
        locks.nomination(nomination.nominationId());
        if (packets.exists(nomination.nominationId())) {
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
        packets.insert(nomination.nominationId(), nomination.candidateId(), write(packet), now);
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
