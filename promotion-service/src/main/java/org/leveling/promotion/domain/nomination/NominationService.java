package org.leveling.promotion.domain.nomination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.CatalogVersion;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.Ladder;
import org.leveling.common.people.CurrentLevel;
import org.leveling.common.people.DirectoryPerson;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.Roles;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.cycle.Cycle;
import org.leveling.promotion.domain.cycle.CycleState;
import org.leveling.promotion.persistence.VisibleCases;

import io.quarkus.panache.common.Sort;

/**
 * Nominations: drafted by someone in the candidate's management chain (or hr-admin) for a level
 * above the candidate's, submitted while nominations are open to the committee of the candidate's
 * org unit — minus everyone with a conflict of interest — and put in review when evidence-service's
 * packet arrives ({@link CasePackets}); recusals and the acting chair are {@link CaseSeats}.
 */
@ApplicationScoped
public class NominationService {

    private final VisibleCases visibleCases;
    private final FrameworkCatalog frameworks;
    private final PeopleDirectory people;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CaseAccess cases;

    public NominationService(VisibleCases visibleCases, FrameworkCatalog frameworks, PeopleDirectory people,
            ChangeRecorder changes, CurrentUser currentUser, Clock clock, CaseAccess cases) {
        this.cases = cases;
        this.visibleCases = visibleCases;
        this.frameworks = frameworks;
        this.people = people;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record Summary(String id, String candidateId, String targetLevel, NominationStatus status, long revision,
            List<String> eligibleMembers) {
        public static Summary of(Nomination n) {
            return new Summary(n.id(), n.candidateId(), n.targetLevel(), n.status(), n.revision(), n.eligibleMembers());
        }
    }

    /** Drafts a nomination in a cycle that still takes them (planned or nominations open). */
    @Transactional
    public Nomination create(String cycleId, String candidateId, String targetLevel, String justification) {
        Caller caller = currentUser.caller();
        Cycle cycle = Cycle.findById(cycleId);
        if (cycle == null) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "Unknown cycle.",
                    List.of(new FieldViolation("cycleId", "is not a cycle")));
        }
        requireNominator(caller, candidateId);
        if (cycle.state() != CycleState.PLANNED && cycle.state() != CycleState.NOMINATIONS_OPEN) {
            throw ProblemException.conflict("The cycle is " + cycle.state() + ": it takes no new nominations.");
        }
        CatalogVersion version = frameworks.latestActive(cycle.frameworkKey()).orElseThrow(() ->
                ProblemException.conflict("No current version of framework '" + cycle.frameworkKey()
                        + "' is known here."));
        List<FieldViolation> violations = new ArrayList<>();
        check(cycle, version, candidateId, targetLevel, violations);
        ProblemException.refuseIfAny("The nomination cannot be accepted as asked.", violations);
        if (Nomination.count("cycleId = ?1 and candidateId = ?2 and status <> ?3", cycleId, candidateId,
                NominationStatus.WITHDRAWN) > 0) {
            throw ProblemException.conflict(candidateId + " already has an open nomination in this cycle.");
        }
        Nomination nomination = Nomination.draft(UUID.randomUUID().toString(), cycleId, candidateId,
                caller.employeeId(), version.frameworkKey(), version.version(), targetLevel, justification,
                clock.instant());
        try {
            nomination.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict(candidateId + " already has an open nomination in this cycle.");
        }
        changes.record(Change.of("nomination", nomination.id(), null, Summary.of(nomination)));
        return nomination;
    }

    /** Changes target level and justification of a draft (its nominator or hr-admin). */
    @Transactional
    public Nomination edit(String id, String targetLevel, String justification) {
        Nomination nomination = cases.lockedForCaller(id);
        requireNominatorOf(nomination);
        if (nomination.status() != NominationStatus.DRAFT) {
            throw ProblemException.conflict("The nomination is " + nomination.status() + ": only a draft can be edited.");
        }
        Cycle cycle = Cycle.findById(nomination.cycleId());
        if (cycle.state() == CycleState.CLOSED) {
            throw ProblemException.conflict("The cycle is closed: it is read-only.");
        }
        CatalogVersion version = frameworks.find(nomination.frameworkKey(), nomination.frameworkVersion()).orElseThrow();
        String level = targetLevel == null ? nomination.targetLevel() : targetLevel;
        List<FieldViolation> violations = new ArrayList<>();
        check(cycle, version, nomination.candidateId(), level, violations);
        ProblemException.refuseIfAny("The nomination cannot be accepted as asked.", violations);
        Summary before = Summary.of(nomination);
        nomination.edit(level, justification == null ? nomination.justification() : justification, clock.instant());
        changes.record(Change.of("nomination", id, before, Summary.of(nomination)));
        return nomination;
    }

    /**
     * Submits a draft while nominations are open: the committee of the candidate's org unit, minus
     * the candidate, their management chain and the nominator, must still make its quorum.
     * Publishes nomination-submitted with those members; evidence-service answers with the packet.
     */
    @Transactional
    public Nomination submit(String id) {
        Nomination nomination = cases.lockedForCaller(id);
        requireNominatorOf(nomination);
        if (nomination.status() != NominationStatus.DRAFT) {
            throw ProblemException.conflict("The nomination is " + nomination.status() + ": only a draft is submitted.");
        }
        // Shared lock: a transition (which locks the cycle for update) waits, so no case slips in after closing.
        Cycle cycle = Cycle.findById(nomination.cycleId(), LockModeType.PESSIMISTIC_READ);
        if (cycle.state() != CycleState.NOMINATIONS_OPEN) {
            throw ProblemException.conflict("Nominations are not open in this cycle (it is " + cycle.state() + ").");
        }
        Optional<DirectoryPerson> candidate = people.find(nomination.candidateId());
        String orgUnit = candidate.map(DirectoryPerson::orgUnit).orElse(null);
        Committee committee = Committee.ofCycle(cycle.id()).stream().filter(c -> c.orgUnits().contains(orgUnit))
                .findFirst().orElseThrow(() -> ProblemException.conflict("No committee of this cycle reviews '"
                        + orgUnit + "': hr-admin assigns one first."));
        Map<String, ConflictReason> conflicted = cases.conflictsOfInterest(nomination);
        List<String> eligible = committee.members().stream().map(Committee.Member::employeeId)
                .filter(member -> !conflicted.containsKey(member)).toList();
        if (eligible.size() < committee.quorum()) {
            throw ProblemException.conflict("Conflicts of interest leave " + eligible.size() + " eligible member(s) of '"
                    + committee.name() + "', below its quorum of " + committee.quorum() + ".");
        }
        Summary before = Summary.of(nomination);
        Instant now = clock.instant();
        String track = frameworks.find(nomination.frameworkKey(), nomination.frameworkVersion())
                .flatMap(v -> v.ladder().level(nomination.targetLevel())).map(Ladder.Level::track).orElse(null);
        Nomination.Snapshot snapshot = new Nomination.Snapshot(orgUnit,
                candidate.map(DirectoryPerson::managerId).orElse(null), track);
        CaseStanding standing = CaseStanding.of(nomination);
        nomination.submit(committee.id(), eligible, snapshot, now);
        changes.record(Change.of("nomination", id, before, Summary.of(nomination))
                .causing(new NominationSubmitted(id, cycle.id(), nomination.candidateId(), nomination.nominatorId(),
                        nomination.frameworkKey(), nomination.frameworkVersion(), nomination.targetLevel(),
                        committee.id(), eligible, now, snapshot.orgUnit(), snapshot.managerId(), snapshot.targetTrack(),
                        standing, CaseStanding.of(nomination))));
        return nomination;
    }

    /** A nomination the caller may see: hr-admin, the nominator, the candidate's chain, eligible members, the candidate. */
    @Transactional
    public Nomination get(String id) {
        return cases.visible(id);
    }

    /**
     * Ends a case without a decision (its nominator or hr-admin), in any state before the decision and
     * while the cycle is not closed. Publishes nomination-withdrawn: evidence-service ends the
     * committee's access to the candidate's evidence.
     */
    @Transactional
    public Nomination withdraw(String id) {
        Nomination nomination = cases.lockedForCaller(id);
        requireNominatorOf(nomination);
        if (!nomination.status().isOpen()) {
            throw ProblemException.conflict("The nomination is " + nomination.status() + ": it cannot be withdrawn.");
        }
        if (Cycle.<Cycle>findById(nomination.cycleId()).state() == CycleState.CLOSED) {
            throw ProblemException.conflict("The cycle is closed: it is read-only.");
        }
        Summary before = Summary.of(nomination);
        boolean wasSubmitted = nomination.status() != NominationStatus.DRAFT;
        Instant now = clock.instant();
        CaseStanding standing = CaseStanding.of(nomination);
        nomination.withdraw(now);
        changes.record(Change.of("nomination", id, before, Summary.of(nomination))
                .causing(new NominationWithdrawn(id, nomination.cycleId(), nomination.candidateId(),
                        currentUser.caller().employeeId(), wasSubmitted, now, standing, CaseStanding.of(nomination))));
        return nomination;
    }

    /** Up to {@code limit} of the cases the caller may see, by id after {@code after}; hr-admin sees all. */
    @Transactional
    public List<Nomination> list(String cycleId, NominationStatus status, String after, int limit) {
        Caller caller = currentUser.caller();
        List<String> ids = visibleCases.ids(cycleId, status == null ? null : status.name(),
                caller.hasRole(Roles.HR_ADMIN) ? null : caller.employeeId(), after, limit);
        return ids.isEmpty() ? List.of() : Nomination.list("id in ?1", Sort.by("id"), ids);
    }

    private void check(Cycle cycle, CatalogVersion version, String candidateId, String targetLevel,
            List<FieldViolation> violations) {
        Optional<DirectoryPerson> candidate = people.find(candidateId);
        if (candidate.isEmpty()) {
            violations.add(new FieldViolation("candidateId", "is not a known person"));
            return;
        }
        if (!cycle.orgUnits().contains(candidate.get().orgUnit())) {
            violations.add(new FieldViolation("candidateId", "is in org unit '" + candidate.get().orgUnit()
                    + "', outside the cycle's " + cycle.orgUnits()));
        }
        Ladder ladder = version.ladder();
        Optional<Ladder.Level> target = ladder.level(targetLevel);
        if (target.isEmpty()) {
            violations.add(new FieldViolation("targetLevel", "'" + targetLevel + "' is not a level of "
                    + version.frameworkKey() + " version " + version.version()));
            return;
        }
        Optional<CurrentLevel> current = people.levelOn(candidateId, LocalDate.now(clock))
                .filter(l -> l.frameworkKey().equals(version.frameworkKey()));
        Optional<Ladder.Level> currentLevel = current.flatMap(l -> ladder.level(l.level()));
        if (currentLevel.isEmpty()) {
            violations.add(new FieldViolation("candidateId", "has no level in framework '" + version.frameworkKey()
                    + "' to be promoted from"));
        } else if (!isStepUp(ladder, currentLevel.get(), target.get())) {
            violations.add(new FieldViolation("targetLevel", "must be above " + currentLevel.get().code()
                    + " in its track, or equivalent to a level above it on the other track"));
        }
    }

    /** Above in the same track, or on another track equivalent to a level above in the same track. */
    static boolean isStepUp(Ladder ladder, Ladder.Level current, Ladder.Level target) {
        if (current.track().equals(target.track())) {
            return target.order() > current.order();
        }
        return ladder.levels().stream().anyMatch(l -> ladder.above(l, current)
                && ladder.equivalent(l.code(), target.code()));
    }

    private void requireNominator(Caller caller, String candidateId) {
        if (caller.employeeId().equals(candidateId)) {
            throw ProblemException.forbidden("Nobody nominates themselves, whatever their roles.");
        }
        if (!caller.hasRole(Roles.HR_ADMIN) && !people.manages(caller.employeeId(), candidateId)) {
            throw ProblemException.forbidden("Nominations come from the candidate's management chain or hr-admin.");
        }
    }

    /** The nominator, or an hr-admin without a conflict of interest on the case (never its candidate). */
    private void requireNominatorOf(Nomination nomination) {
        Caller caller = currentUser.caller();
        if (caller.employeeId().equals(nomination.nominatorId())) {
            return;
        }
        if (!caller.hasRole(Roles.HR_ADMIN)) {
            throw ProblemException.forbidden("Only the nominator or hr-admin changes a nomination.");
        }
        cases.refuseIfConflicted(caller, nomination, "change it");
    }

}
