package org.leveling.evidence.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.CatalogVersion;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.Caller;
import org.leveling.evidence.persistence.AdvisoryLocks;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Evidence intake and lifecycle. Each change, its audit row and its event commit together; every
 * refusal (validation, lifecycle, who may do what) happens before anything is written.
 */
@ApplicationScoped
public class EvidenceService {

    /** How far back evidence may date: older work says little about the level someone operates at now. */
    static final int MAX_AGE_YEARS = 10;

    private final AdvisoryLocks locks;
    private final FrameworkReferences references;
    private final PeopleDirectory people;
    private final EvidenceAccess access;
    private final ChangeRecorder changes;
    private final Clock clock;

    public EvidenceService(AdvisoryLocks locks, FrameworkReferences references, PeopleDirectory people,
            EvidenceAccess access, ChangeRecorder changes, Clock clock) {
        this.locks = locks;
        this.references = references;
        this.people = people;
        this.access = access;
        this.changes = changes;
        this.clock = clock;
    }

    /** The created evidence, and whether it was created by an earlier request with the same Idempotency-Key. */
    public record Created(Evidence evidence, boolean replayed) {
    }

    /**
     * Creates a draft authored by the caller, or submits it at once when {@code submit}. With an Idempotency-Key, a repeat of the same request
     * returns the evidence the first one created; the same key with a different body is a 422.
     */
    @Transactional
    public Created create(String subjectId, EvidenceContent content, boolean submit, String idempotencyKey,
            String requestDigest) {
        Caller caller = access.caller();
        if (idempotencyKey != null) {
            // Requests with the same key wait for each other here, so only one of them creates.
            locks.idempotencyKey(caller.employeeId(), idempotencyKey);
            Evidence earlier = Evidence.find("authorId = ?1 and idempotencyKey = ?2", caller.employeeId(),
                    idempotencyKey).firstResult();
            if (earlier != null) {
                if (!earlier.requestDigest().equals(requestDigest)) {
                    throw new ProblemException(422, ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '"
                            + idempotencyKey + "' was already used for a different request (evidence "
                            + earlier.id() + "). Use a new key for a new request.", List.of());
                }
                // A replay shows the evidence as it is now: only to an author who may still read it.
                access.requireRead(earlier.subjectId(), "evidence", earlier.id());
                // The call is audited like any other; before = after says that it changed nothing.
                changes.record(Change.of("evidence", earlier.id(), Summary.of(earlier), Summary.of(earlier)));
                return new Created(earlier, true);
            }
        }
        // The same answer for unknown and known people: nobody learns who exists by trying.
        if (!caller.employeeId().equals(subjectId) && !access.manages(caller, subjectId)) {
            throw ProblemException.forbidden("Evidence is written by its subject or by their management chain.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (!people.exists(subjectId)) {
            violations.add(new FieldViolation("subjectId", "is not known here yet (people come from levels-service)"));
        }
        check(content, violations);
        Instant now = clock.instant();
        Evidence evidence = Evidence.draft(UUID.randomUUID().toString(), subjectId, caller.employeeId(), content,
                idempotencyKey, requestDigest, now);
        if (submit) {
            // Before persisting: one INSERT of the submitted evidence, not an INSERT then an UPDATE.
            evidence.moveTo(EvidenceStatus.SUBMITTED, now);
        }
        evidence.persist();
        Change created = Change.of("evidence", evidence.id(), null, Summary.of(evidence));
        changes.record(submit ? created.causing(EvidenceSubmitted.of(evidence, now)) : created);
        return new Created(evidence, false);
    }

    /** Changes the content of a draft; only its author may, and only while it is a draft. */
    @Transactional
    public Evidence edit(String id, UnaryOperator<EvidenceContent> change, Long expectedRevision) {
        Evidence evidence = access.lockedForCaller(id);
        if (!evidence.authorId().equals(access.caller().employeeId())) {
            throw ProblemException.forbidden("Only the author edits evidence.");
        }
        if (expectedRevision != null && expectedRevision != evidence.revision()) {
            throw new ProblemException(412, ProblemType.PRECONDITION_FAILED, "The evidence is at revision "
                    + evidence.revision() + ", not " + expectedRevision + ": read it again.", List.of());
        }
        if (evidence.status() != EvidenceStatus.DRAFT) {
            throw ProblemException.conflict("Evidence is " + evidence.status() + ": only a draft can be edited.");
        }
        // Applied to the content as it is under the lock, so concurrent edits never lose each other's fields.
        EvidenceContent content = change.apply(evidence.content());
        List<FieldViolation> violations = new ArrayList<>();
        check(content, violations);
        Summary before = Summary.of(evidence);
        evidence.edit(content, clock.instant());
        changes.record(Change.of("evidence", id, before, Summary.of(evidence)));
        return evidence;
    }

    /** Submits a draft for attestation (its author). The pinned version must still be current. */
    @Transactional
    public Evidence submit(String id) {
        Evidence evidence = access.lockedForCaller(id);
        if (!evidence.authorId().equals(access.caller().employeeId())) {
            throw ProblemException.forbidden("Only the author submits evidence.");
        }
        evidence.requireCanMoveTo(EvidenceStatus.SUBMITTED);
        List<FieldViolation> violations = new ArrayList<>();
        check(evidence.content(), violations);
        Summary before = Summary.of(evidence);
        Instant now = clock.instant();
        evidence.moveTo(EvidenceStatus.SUBMITTED, now);
        changes.record(Change.of("evidence", id, before, Summary.of(evidence))
                .causing(EvidenceSubmitted.of(evidence, now)));
        return evidence;
    }

    /** The author or the subject withdraws evidence; it then counts nowhere. */
    @Transactional
    public Evidence withdraw(String id) {
        Evidence evidence = access.lockedForCaller(id);
        String me = access.caller().employeeId();
        if (!me.equals(evidence.authorId()) && !me.equals(evidence.subjectId())) {
            throw ProblemException.forbidden("Only the author or the subject withdraws evidence.");
        }
        evidence.requireCanMoveTo(EvidenceStatus.WITHDRAWN);
        Summary before = Summary.of(evidence);
        Instant now = clock.instant();
        evidence.moveTo(EvidenceStatus.WITHDRAWN, now);
        changes.record(Change.of("evidence", id, before, Summary.of(evidence))
                .causing(new EvidenceWithdrawn(id, evidence.subjectId(), me, before.status(), now)));
        return evidence;
    }

    /** Evidence the caller may read; 404 otherwise. */
    @Transactional
    public Evidence get(String id) {
        access.requireFoundAndReadable(Evidence.subjectOf(id), "evidence", id);
        return Evidence.findById(id);
    }

    @Transactional
    public List<Attestation> attestations(String id) {
        return Attestation.of(id);
    }

    @Transactional
    public Map<String, List<Attestation>> attestations(List<Evidence> evidence) {
        return Attestation.of(evidence.stream().map(Evidence::id).toList());
    }

    /** A place in a person's evidence, oldest first: after the piece created at this time with this id. */
    public record Position(Instant createdAt, String id) {
    }

    /**
     * A page of a person's evidence, oldest first, after {@code after} (null: from the first);
     * 404 for a caller who may not read the person's evidence.
     */
    @Transactional
    public List<Evidence> list(String subjectId, EvidenceStatus status, Position after, int limit) {
        access.requireRead(subjectId, "person", subjectId);
        StringBuilder query = new StringBuilder("subjectId = :subject");
        Parameters parameters = Parameters.with("subject", subjectId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            query.append(" and (createdAt > :after or (createdAt = :after and id > :afterId))");
            parameters.and("after", after.createdAt()).and("afterId", after.id());
        }
        return Evidence.find(query.toString(), Sort.by("createdAt").and("id"), parameters).page(0, limit).list();
    }

    private void check(EvidenceContent content, List<FieldViolation> violations) {
        CatalogVersion version = references.activeVersion(content.frameworkKey(), content.frameworkVersion(),
                violations);
        if (version != null) {
            references.checkLevel(version.ladder(), "level", content.level(), violations);
            references.checkCompetencies(version.ladder(), "competencies", "", content.competencies(), violations);
        }
        LocalDate today = LocalDate.now(clock);
        if (content.occurredFrom().isAfter(content.occurredTo())) {
            violations.add(new FieldViolation("occurredTo", "must not be before occurredFrom"));
        }
        if (content.occurredTo().isAfter(today)) {
            violations.add(new FieldViolation("occurredTo", "must not be in the future (evidence is what happened)"));
        }
        if (content.occurredFrom().isBefore(today.minusYears(MAX_AGE_YEARS))) {
            violations.add(new FieldViolation("occurredFrom", "must be within the last " + MAX_AGE_YEARS + " years"));
        }
        ProblemException.refuseIfAny(FrameworkReferences.REFUSED, violations);
    }

    /** What the audit trail keeps of a piece of evidence (not its narrative). */
    record Summary(String id, String subjectId, EvidenceStatus status, long revision, String title, String level,
            List<String> competencies) {
        static Summary of(Evidence e) {
            EvidenceContent c = e.content();
            return new Summary(e.id(), e.subjectId(), e.status(), e.revision(), c.title(), c.level(), c.competencies());
        }
    }
}
