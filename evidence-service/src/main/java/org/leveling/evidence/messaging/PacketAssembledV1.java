package org.leveling.evidence.messaging;

import java.time.Instant;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.evidence.domain.packet.Packet;
import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.Readiness.CountedEvidence;
import org.leveling.evidence.domain.readiness.Readiness.LatestRating;

/**
 * {@code org.leveling.evidence.packet-assembled.v1} on {@code leveling.evidence}, keyed by
 * nomination id: the candidate's readiness and the evidence that counted, frozen when the
 * nomination was submitted. Titles, not narratives; no comments. Schema:
 * docs/events/org.leveling.evidence.packet-assembled.v1.json.
 */
public record PacketAssembledV1(String nominationId, String candidateId, String frameworkKey, int frameworkVersion,
        String targetLevel, String currentLevel, String currentLevelSource, Readiness.Verdict verdict,
        List<String> reasons, Readiness.AppliedRules rules, List<PacketCompetency> competencies,
        List<CountedEvidence> evidence, Instant assembledAt) {

    public static final String TYPE = "org.leveling.evidence.packet-assembled.v1";

    /** Readiness of one competency, without the expectation texts (they are in the framework version). */
    public record PacketCompetency(String competency, Readiness.CompetencyStatus status,
            List<String> currentLevelEvidence, List<String> targetLevelEvidence, List<String> targetLevelQuarters,
            LatestRating latestRating, List<String> missing) {
    }

    public static PacketAssembledV1 of(Packet p) {
        return new PacketAssembledV1(p.nominationId(), p.candidateId(), p.frameworkKey(), p.frameworkVersion(),
                p.targetLevel(), p.currentLevel(), p.currentLevelSource(), p.verdict(), p.reasons(), p.rules(),
                p.competencies().stream().map(c -> new PacketCompetency(c.competency(), c.status(),
                        c.currentLevelEvidence(), c.targetLevelEvidence(), c.targetLevelQuarters(), c.latestRating(),
                        c.missing())).toList(),
                p.evidence(), p.assembledAt());
    }

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.EVIDENCE, "packet", nominationId, TYPE, this);
    }
}
