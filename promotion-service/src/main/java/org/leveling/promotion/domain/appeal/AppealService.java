package org.leveling.promotion.domain.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.common.security.Roles;
import org.leveling.promotion.domain.decision.Decision;
import org.leveling.promotion.domain.decision.DecisionService;
import org.leveling.promotion.domain.nomination.CaseAccess;
import org.leveling.promotion.domain.nomination.CaseParties;
import org.leveling.promotion.domain.nomination.Nomination;

/**
 * Appeals: the candidate or the nominator appeals the decision in force within the configured window;
 * hr-admin, or the chair of another committee of the cycle without a conflict on the case, decides
 * it. Upheld, it writes a new decision that supersedes the appealed one.
 */
@ApplicationScoped
public class AppealService {

    private final CaseAccess cases;
    private final DecisionService decisions;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final Duration window;

    public AppealService(CaseAccess cases, DecisionService decisions, ChangeRecorder changes, Clock clock,
            @ConfigProperty(name = "leveling.appeals.window", defaultValue = "P30D") Duration window) {
        this.cases = cases;
        this.decisions = decisions;
        this.changes = changes;
        this.clock = clock;
        this.window = window;
    }

    /** What an appeal's decider states: upheld or dismissed, why, and (upheld) the replacing decision. */
    public record Ruling(boolean upheld, String reason, DecisionService.Statement newDecision) {
    }

    @Transactional
    public Appeal file(String decisionId, String reason) {
        Caller caller = cases.caller();
        Decision decision = decisions.get(decisionId);
        Nomination nomination = cases.lockedForCaller(decision.nominationId());
        Appeal.AppellantRole role;
        if (caller.employeeId().equals(nomination.candidateId())) {
            role = Appeal.AppellantRole.CANDIDATE;
        } else if (caller.employeeId().equals(nomination.nominatorId())) {
            role = Appeal.AppellantRole.NOMINATOR;
        } else {
            throw ProblemException.forbidden("Only the candidate or the nominator appeals a decision.");
        }
        if (!decision.id().equals(nomination.decisionId())) {
            throw ProblemException.conflict("This decision was replaced by " + nomination.decisionId()
                    + ": appeal the decision in force.");
        }
        Instant now = clock.instant();
        Instant closes = decision.decidedAt().plus(window);
        if (now.isAfter(closes)) {
            throw ProblemException.conflict("The appeal window of this decision closed at " + closes + ".");
        }
        if (Appeal.count("decisionId", decisionId) > 0) {
            throw ProblemException.conflict("This decision has been appealed already.");
        }
        Appeal appeal = Appeal.file(UUID.randomUUID().toString(), decision, caller.employeeId(), role, reason, now);
        appeal.persist();
        changes.record(Change.of("appeal", appeal.id(), null, AppealSummary.of(appeal))
                .causing(new AppealFiled(appeal.id(), decisionId, nomination.id(), nomination.cycleId(), role, now)));
        return appeal;
    }

    @Transactional
    public Appeal decide(String appealId, Ruling ruling) {
        Caller caller = cases.caller();
        Appeal appeal = Appeal.findById(appealId, LockModeType.PESSIMISTIC_WRITE);
        // An unknown id is checked against a stand-in case, so that it takes the same work as a hidden one.
        String caseId = appeal == null ? appealId : appeal.nominationId();
        Nomination nomination = CaseAccess.orStandIn(caseId,
                Nomination.findById(caseId, LockModeType.PESSIMISTIC_WRITE));
        boolean mayDecide = cases.administers(caller, nomination)
                | cases.isIndependentChair(caller.employeeId(), nomination);
        boolean seesCase = cases.maySee(caller, nomination);
        if (appeal == null || !mayDecide && !seesCase) {
            throw new ResourceNotFoundException("appeal", appealId);
        }
        if (!mayDecide) {
            cases.refuseIfConflicted(caller, nomination, "decide its appeal");
            throw ProblemException.forbidden("An appeal is decided by hr-admin or the chair of another committee of "
                    + "the cycle, without a conflict of interest on the case.");
        }
        if (appeal.status() != Appeal.Status.OPEN) {
            throw ProblemException.conflict("The appeal was " + appeal.status() + " already: it is decided once.");
        }
        Decision appealed = Decision.findById(appeal.decisionId());
        List<FieldViolation> violations = new ArrayList<>();
        if (ruling.upheld() && ruling.newDecision() == null) {
            violations.add(new FieldViolation("newDecision", "is required when the appeal is upheld"));
        } else if (!ruling.upheld() && ruling.newDecision() != null) {
            violations.add(new FieldViolation("newDecision", "is only given when the appeal is upheld"));
        } else if (ruling.upheld()) {
            if (ruling.newDecision().outcome() == appealed.outcome()) {
                violations.add(new FieldViolation("newDecision.outcome", "an upheld appeal changes the outcome ("
                        + appealed.outcome() + ")"));
            }
            decisions.check(nomination, ruling.newDecision(), "newDecision.", violations);
        }
        ProblemException.refuseIfAny("The appeal cannot be decided as stated.", violations);

        AppealSummary before = AppealSummary.of(appeal);
        String newDecisionId = null;
        if (ruling.upheld()) {
            // Against the committee's majority it is an override, explained by the ruling.
            DecisionService.Statement statement = new DecisionService.Statement(ruling.newDecision().outcome(),
                    ruling.newDecision().rationale(), ruling.newDecision().effectiveDate(),
                    "Appeal upheld: " + ruling.reason());
            newDecisionId = decisions.write(nomination, statement, appealed.tally(), appealed.id(), appeal.id()).id();
        }
        Instant now = clock.instant();
        appeal.decide(ruling.upheld() ? Appeal.Status.UPHELD : Appeal.Status.DISMISSED, caller.employeeId(),
                ruling.reason(), newDecisionId, now);
        changes.record(Change.of("appeal", appeal.id(), before, AppealSummary.of(appeal))
                .causing(new AppealDecided(appeal.id(), appeal.decisionId(), nomination.id(), nomination.cycleId(),
                        appeal.status(), newDecisionId, caller.employeeId(), now)));
        return appeal;
    }

    /** An appeal, for its appellant, hr-admin, and whoever may see the case. */
    @Transactional
    public Appeal get(String appealId) {
        Caller caller = cases.caller();
        // Access first, the row after; an unknown id is checked against a stand-in case, so that it takes
        // the same work as a hidden one.
        String nominationId = Appeal.nominationIdOf(appealId);
        String caseId = nominationId == null ? appealId : nominationId;
        CaseParties nomination = cases.partiesOrStandIn(caseId);
        boolean seesCase = cases.maySee(caller, nomination);
        boolean decidesAppeals = cases.isIndependentChair(caller.employeeId(), nomination);
        if (nominationId == null || !(caller.hasRole(Roles.HR_ADMIN) || seesCase || decidesAppeals)) {
            throw new ResourceNotFoundException("appeal", appealId);
        }
        return Appeal.findById(appealId);
    }

    record AppealSummary(String id, String decisionId, Appeal.Status status, String newDecisionId) {
        static AppealSummary of(Appeal a) {
            return new AppealSummary(a.id(), a.decisionId(), a.status(), a.newDecisionId());
        }
    }
}
