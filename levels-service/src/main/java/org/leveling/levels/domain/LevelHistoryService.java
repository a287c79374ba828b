package org.leveling.levels.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.changes.EventCause;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.AccessPolicy;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.levels.domain.framework.FrameworkDocument;
import org.leveling.levels.domain.framework.FrameworkService;
import org.leveling.levels.domain.framework.FrameworkVersion;

import io.quarkus.panache.common.Sort;

/** People's effective-dated level history: appended, never overwritten; each entry announced. */
@ApplicationScoped
public class LevelHistoryService {

    private final ChangeRecorder changes;
    private final AccessPolicy access;
    private final FrameworkService frameworks;
    private final Clock clock;

    public LevelHistoryService(ChangeRecorder changes, AccessPolicy access, FrameworkService frameworks,
            Clock clock) {
        this.changes = changes;
        this.access = access;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /**
     * Appends a person's first level in a framework (reason INITIAL), written directly: every other
     * manual change is a proposal for a second hr-admin ({@link LevelChangeProposalService}). The
     * level must exist (as level or sub-level) in a published, unretired version, and the entry may
     * not be dated before the latest one.
     */
    @Transactional
    public LevelAssignment appendInitial(String employeeId, LevelChange change) {
        if (change.reason().needsSecondPerson()) {
            throw new IllegalArgumentException(change.reason() + " changes are proposed, not appended directly");
        }
        Caller caller = CurrentUser.ofCurrentRequest();
        SeparationOfDuties.refuseOwnLevel(caller, employeeId);
        lockPerson(employeeId);
        if (LevelAssignment.count("employeeId = ?1 and change.frameworkKey = ?2 and change.reason = ?3",
                employeeId, change.frameworkKey(), LevelAssignment.Reason.INITIAL) > 0) {
            throw ProblemException.conflict(employeeId + " already has an INITIAL level in '" + change.frameworkKey()
                    + "': later changes are PROMOTION, TRANSFER or CORRECTION proposals for a second hr-admin.");
        }
        Entry entry = appendEntry(employeeId, change, caller.employeeId());
        changes.record(entry.change());
        return entry.assignment();
    }

    /**
     * Applies a committee's PROMOTED decision: appends a PROMOTION entry whose source is the
     * decision, once — a decision already in the history (redelivered under another event id)
     * changes nothing. Invalid decisions throw, and the inbox parks them with the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPromotion(String eventType, String eventId, String producer, String candidateId,
            LevelChange change) {
        if (LevelAssignment.count("employeeId = ?1 and change.sourceRef = ?2", candidateId, change.sourceRef()) > 0) {
            return;
        }
        Entry entry = appendEntry(candidateId, change, producer);
        changes.record(new EventCause(producer, eventType, eventId), entry.change());
    }

    /**
     * Undoes a promotion that an upheld appeal replaced by another outcome: when the superseded
     * decision's PROMOTION entry is still the latest, a CORRECTION entry (source: the new decision)
     * puts the candidate back at the level they had before it, from the same date. Once; nothing when
     * that promotion was never applied. A later level change in between is refused (the inbox parks
     * the event for hr-admin) rather than guessed at.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revertPromotion(String eventType, String eventId, String producer, String candidateId,
            String supersededDecisionId, String decisionId) {
        if (LevelAssignment.count("employeeId = ?1 and change.sourceRef = ?2", candidateId, decisionId) > 0) {
            return;
        }
        Optional<LevelAssignment> promotion = LevelAssignment.<LevelAssignment>find(
                "employeeId = ?1 and change.sourceRef = ?2 and change.reason = ?3", candidateId, supersededDecisionId,
                LevelAssignment.Reason.PROMOTION).firstResultOptional();
        if (promotion.isEmpty()) {
            return;
        }
        List<LevelAssignment> history = LevelAssignment.list("employeeId = ?1",
                oldestFirst(), candidateId);
        int at = history.indexOf(promotion.get());
        if (at != history.size() - 1) {
            throw invalid("supersedesDecisionId", "the promotion of decision " + supersededDecisionId
                    + " is followed by later level changes; correct the history by hand");
        }
        if (at == 0) {
            throw invalid("supersedesDecisionId", "the promotion of decision " + supersededDecisionId
                    + " is the first entry of the history; there is no level to return to");
        }
        LevelAssignment before = history.get(at - 1);
        LevelChange undone = before.change();
        Entry entry = appendEntry(candidateId, new LevelChange(undone.frameworkKey(), undone.frameworkVersion(),
                undone.level(), promotion.get().change().effectiveFrom(), LevelAssignment.Reason.CORRECTION,
                decisionId), producer);
        changes.record(new EventCause(producer, eventType, eventId), entry.change());
    }

    private Entry appendEntry(String employeeId, LevelChange change, String recordedBy) {
        lockPerson(employeeId);
        Optional<LevelAssignment> latest = latest(employeeId);
        misfit(change, latest).ifPresent(violation -> {
            throw invalid(violation);
        });
        return record(employeeId, change, recordedBy, latest);
    }

    /** Locks the person's row, so that changes of one person's history take turns; 404 for nobody. */
    void lockPerson(String employeeId) {
        if (Person.findById(employeeId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new ResourceNotFoundException("person", employeeId);
        }
    }

    /**
     * Why {@code change} does not fit a history whose latest entry is {@code latest}, if it does
     * not: an unknown or retired framework version, a code that is not a level of it, a date
     * before the latest entry.
     */
    Optional<FieldViolation> misfit(LevelChange change, Optional<LevelAssignment> latest) {
        FrameworkVersion version = FrameworkVersion.find(change.frameworkKey(), change.frameworkVersion());
        if (version == null) {
            return Optional.of(new FieldViolation("frameworkVersion", "framework '" + change.frameworkKey()
                    + "' has no published version " + change.frameworkVersion()));
        }
        if (version.retiredAt() != null) {
            return Optional.of(new FieldViolation("frameworkVersion", "version " + change.frameworkVersion()
                    + " is retired"));
        }
        if (!hasLevel(frameworks.documentOf(version), change.level())) {
            return Optional.of(new FieldViolation("level", "'" + change.level() + "' is not a level or sub-level of "
                    + change.frameworkKey() + " version " + change.frameworkVersion()));
        }
        if (latest.isPresent() && change.effectiveFrom().isBefore(latest.get().change().effectiveFrom())) {
            return Optional.of(new FieldViolation("effectiveFrom", "is before the latest entry ("
                    + latest.get().change().effectiveFrom() + "); history is appended in date order"));
        }
        return Optional.empty();
    }

    /**
     * Inserts the entry; the caller has locked the person and checked the change, and records the
     * returned entry's change (audit row and level-changed) with its cause.
     */
    Entry record(String employeeId, LevelChange change, String recordedBy, Optional<LevelAssignment> latest) {
        LevelAssignment entry = LevelAssignment.of(employeeId, change, clock.instant(), recordedBy);
        entry.persistAndFlush();
        LevelChanged changed = new LevelChanged(employeeId, change.frameworkKey(), change.frameworkVersion(),
                change.level(), latest.map(previous -> previous.change().level()).orElse(null), change.effectiveFrom(),
                change.reason(), change.sourceRef(), entry.id());
        return new Entry(entry, latest.map(LevelHistoryService::describe).orElse(null), changed);
    }

    /** An appended entry, the description of the latest one before it (null for the first) and its event. */
    record Entry(LevelAssignment assignment, String before, LevelChanged event) {

        /** The history's change, as the audit trail keeps it, with its level-changed event. */
        Change change() {
            return Change.of("level-history", assignment.employeeId(), before, describe(assignment)).causing(event);
        }
    }

    /** A position in a history, oldest first: after the entry with this date and id. */
    public record Position(LocalDate effectiveFrom, long id) {
    }

    /**
     * Up to {@code limit} entries of the history, oldest first, after {@code after} (null: from the
     * start), for a caller allowed to see it (else the same 404 as for nobody).
     */
    @Transactional
    public List<LevelAssignment> history(String employeeId, Position after, int limit) {
        boolean known = Person.findById(employeeId) != null;
        access.requireFoundAndAccessible(known ? employeeId : null, "person", employeeId);
        Sort order = oldestFirst();
        return (after == null
                ? LevelAssignment.<LevelAssignment>find("employeeId = ?1", order, employeeId)
                : LevelAssignment.<LevelAssignment>find("employeeId = ?1 and (change.effectiveFrom > ?2 "
                        + "or (change.effectiveFrom = ?2 and id > ?3))", order, employeeId, after.effectiveFrom(),
                        after.id()))
                .page(0, limit).list();
    }

    /** The entry in effect today: the latest one effective on or before today's date. */
    @Transactional
    public Optional<LevelAssignment> currentLevel(String employeeId) {
        return LevelAssignment.<LevelAssignment>find("employeeId = ?1 and change.effectiveFrom <= ?2", newestFirst(),
                employeeId, LocalDate.now(clock)).firstResultOptional();
    }

    static Optional<LevelAssignment> latest(String employeeId) {
        return LevelAssignment.<LevelAssignment>find("employeeId = ?1", newestFirst(), employeeId)
                .firstResultOptional();
    }

    /** A history in date order, one date's entries as appended; a new Sort each time, as Sort.and mutates. */
    private static Sort oldestFirst() {
        return Sort.by("change.effectiveFrom").and("id");
    }

    private static Sort newestFirst() {
        return Sort.by("change.effectiveFrom", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
    }

    private static boolean hasLevel(FrameworkDocument document, String code) {
        return document.levels().stream().anyMatch(l -> l.code().equals(code)
                || l.subLevels().stream().anyMatch(s -> s.code().equals(code)));
    }

    private static ProblemException invalid(String field, String message) {
        return invalid(new FieldViolation(field, message));
    }

    static ProblemException invalid(FieldViolation violation) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "The level change is not valid.",
                List.of(violation));
    }

    static String describe(LevelAssignment entry) {
        return entry.change().describe();
    }
}
