package org.leveling.evidence.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.security.Caller;

/**
 * What others say of a piece of evidence: the subject's management chain acknowledges or
 * challenges it, peers endorse it. Each attestation is announced with the counts after it.
 */
@ApplicationScoped
public class EvidenceAttestations {

    private final EvidenceAccess access;
    private final ChangeRecorder changes;
    private final Clock clock;

    public EvidenceAttestations(EvidenceAccess access, ChangeRecorder changes, Clock clock) {
        this.access = access;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The subject's management chain acknowledges submitted evidence, or challenges it with a
     * comment. Nobody attests evidence they wrote.
     */
    @Transactional
    public Evidence attestAsManager(String id, AttestationKind kind, String comment) {
        Evidence evidence = access.lockedForCaller(id);
        Caller caller = access.caller();
        if (!access.manages(caller, evidence.subjectId())) {
            throw ProblemException.forbidden("Only the subject's management chain acknowledges or challenges "
                    + "evidence; peers endorse it.");
        }
        if (evidence.authorId().equals(caller.employeeId())) {
            throw ProblemException.forbidden("You wrote this evidence: someone else in the management chain "
                    + "attests it.");
        }
        EvidenceStatus next = kind == AttestationKind.ACKNOWLEDGED ? EvidenceStatus.ACKNOWLEDGED
                : EvidenceStatus.CHALLENGED;
        evidence.requireCanMoveTo(next);
        EvidenceService.Summary before = EvidenceService.Summary.of(evidence);
        Instant now = clock.instant();
        evidence.moveTo(next, now);
        Attestation.of(id, caller.employeeId(), kind, comment, now).persist();
        changes.record(Change.of("evidence", id, before, EvidenceService.Summary.of(evidence))
                .causing(attested(evidence, caller, kind, now)));
        return evidence;
    }

    /**
     * A peer — not the subject, not their management chain, not the author — endorses submitted or
     * acknowledged evidence, once. Peers need not be able to read the evidence: the subject shares
     * its id with them.
     */
    @Transactional
    public Evidence endorse(String id, String comment) {
        Evidence evidence = KnownEntity.lockedById(Evidence.class, "evidence", id);
        Caller caller = access.caller();
        String me = caller.employeeId();
        if (me.equals(evidence.subjectId()) || me.equals(evidence.authorId())) {
            throw ProblemException.forbidden("Evidence is endorsed by peers, not by its subject or author.");
        }
        if (access.manages(caller, evidence.subjectId())) {
            throw ProblemException.forbidden("The management chain acknowledges or challenges evidence; "
                    + "endorsements come from peers.");
        }
        if (access.reviews(caller, evidence.subjectId())) {
            throw ProblemException.forbidden("You sit on a committee reviewing this person: reviewers do not "
                    + "endorse the evidence they judge.");
        }
        if (evidence.status() != EvidenceStatus.SUBMITTED && evidence.status() != EvidenceStatus.ACKNOWLEDGED) {
            throw ProblemException.conflict("Evidence is " + evidence.status()
                    + ": only submitted or acknowledged evidence can be endorsed.");
        }
        if (Attestation.endorsedBy(id, me)) {
            throw ProblemException.conflict("You endorsed this evidence already.");
        }
        Instant now = clock.instant();
        Attestation.of(id, me, AttestationKind.ENDORSED, comment, now).persist();
        changes.record(Change.of("evidence-endorsement", id + "/" + me, null,
                new EndorsementSummary(id, me, Attestation.endorsements(id)))
                .causing(attested(evidence, caller, AttestationKind.ENDORSED, now)));
        return evidence;
    }

    private static EvidenceAttested attested(Evidence evidence, Caller caller, AttestationKind kind, Instant now) {
        long acknowledgements = Attestation.count("evidenceId = ?1 and kind = ?2", evidence.id(),
                AttestationKind.ACKNOWLEDGED);
        return new EvidenceAttested(evidence.id(), evidence.subjectId(), caller.employeeId(), kind, evidence.status(),
                acknowledgements, Attestation.endorsements(evidence.id()), now);
    }

    /** What the audit trail keeps of an endorsement. */
    record EndorsementSummary(String evidenceId, String endorserId, long endorsements) {
    }
}
