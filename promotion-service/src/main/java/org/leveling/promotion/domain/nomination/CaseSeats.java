package org.leveling.promotion.domain.nomination;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.people.DirectoryPerson;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.Roles;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.committee.CommitteeRole;
import org.leveling.promotion.domain.cycle.Cycle;
import org.leveling.promotion.domain.cycle.CycleState;
import org.leveling.promotion.persistence.Recusals;

/**
 * Who sits on a case beyond its committee's list: members who recuse themselves, and the acting
 * chair hr-admin designates when the chair is conflicted.
 */
@ApplicationScoped
public class CaseSeats {

    private final Recusals recusals;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CaseAccess cases;
    private final PeopleDirectory people;

    public CaseSeats(Recusals recusals, ChangeRecorder changes, CurrentUser currentUser, Clock clock,
            CaseAccess cases, PeopleDirectory people) {
        this.recusals = recusals;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
        this.cases = cases;
        this.people = people;
    }

    /**
     * A member of the committee declares a recusal from a case of its cycle, with a reason: they are
     * off the case at once (and, through recusal-declared, lose access to the candidate's evidence).
     * Declaring twice is a 409.
     */
    @Transactional
    public Nomination recuse(String committeeId, String nominationId, String reason) {
        Caller caller = currentUser.caller();
        Committee committee = Committee.findById(committeeId);
        if (committee == null || committee.members().stream().noneMatch(m -> m.employeeId().equals(caller.employeeId()))) {
            throw new ResourceNotFoundException("committee", committeeId);
        }
        Nomination nomination = Nomination.findById(nominationId, LockModeType.PESSIMISTIC_WRITE);
        String orgUnit = nomination == null ? null
                : people.find(nomination.candidateId()).map(DirectoryPerson::orgUnit).orElse(null);
        boolean ofThisCommittee = nomination != null && nomination.cycleId().equals(committee.cycleId())
                && (nomination.committeeId() != null ? nomination.committeeId().equals(committeeId)
                        : committee.orgUnits().contains(orgUnit));
        if (!ofThisCommittee) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "Not a case of this committee.",
                    List.of(new FieldViolation("nominationId", "is not a case of this committee")));
        }
        if (Cycle.<Cycle>findById(committee.cycleId()).state() == CycleState.CLOSED) {
            throw ProblemException.conflict("The cycle is closed: it is read-only.");
        }
        Instant now = clock.instant();
        if (!recusals.declare(committeeId, nominationId, caller.employeeId(), reason, now)) {
            throw ProblemException.conflict("You declared a recusal from this case already.");
        }
        NominationService.Summary before = NominationService.Summary.of(nomination);
        nomination.recuse(caller.employeeId(), now);
        changes.record(Change.of("nomination", nominationId, before, NominationService.Summary.of(nomination))
                .causing(new RecusalDeclared(nominationId, committeeId, caller.employeeId(), now)));
        return nomination;
    }

    /**
     * hr-admin designates an eligible member to record the decision of a case whose chair has a
     * conflict of interest on it (the chair is then not among its eligible members).
     */
    @Transactional
    public Nomination designateActingChair(String id, String memberId) {
        Caller caller = currentUser.caller();
        if (!caller.hasRole(Roles.HR_ADMIN)) {
            cases.visible(id);
            throw ProblemException.forbidden("Only hr-admin designates an acting chair.");
        }
        Nomination nomination = cases.lockedForCaller(id);
        cases.refuseIfConflicted(caller, nomination, "designate its acting chair");
        if (nomination.status() != NominationStatus.SUBMITTED && nomination.status() != NominationStatus.IN_REVIEW) {
            throw ProblemException.conflict("The nomination is " + nomination.status()
                    + ": an acting chair is designated for a case under review.");
        }
        Committee committee = Committee.findById(nomination.committeeId());
        List<String> eligible = cases.eligibleMembers(nomination);
        boolean chairEligible = committee.members().stream().anyMatch(m -> m.role() == CommitteeRole.CHAIR
                && eligible.contains(m.employeeId()));
        if (chairEligible) {
            throw ProblemException.conflict("The chair of '" + committee.name() + "' may decide this case: "
                    + "an acting chair is only for a case the chair is conflicted on.");
        }
        if (!eligible.contains(memberId)) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "Not an eligible member of the case.",
                    List.of(new FieldViolation("memberId", "is not among the case's eligible members " + eligible)));
        }
        NominationService.Summary before = NominationService.Summary.of(nomination);
        nomination.designateActingChair(memberId, clock.instant());
        changes.record(Change.of("nomination", id, before, NominationService.Summary.of(nomination)));
        return nomination;
    }
}
