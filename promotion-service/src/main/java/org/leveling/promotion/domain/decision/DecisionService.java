package org.leveling.promotion.domain.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.Ladder;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.nomination.CaseAccess;
import org.leveling.promotion.domain.nomination.CaseStanding;
import org.leveling.promotion.domain.nomination.Nomination;
import org.leveling.promotion.domain.nomination.NominationService;
import org.leveling.promotion.domain.nomination.NominationStatus;
import org.leveling.promotion.domain.nomination.Outcome;
import org.leveling.promotion.domain.voting.Tally;
import org.leveling.promotion.domain.voting.VotingService;

/**
 * Decisions: recorded once by the chair (or the acting chair when the chair is conflicted) when the
 * eligible members' votes make the quorum; an outcome against the majority must say why and is
 * flagged. Never changed afterwards — an upheld appeal writes a new decision that supersedes it.
 */
@ApplicationScoped
public class DecisionService {

    /** How far from today a decision may take effect. */
    static final int MAX_DAYS_BACK = 92;
    static final int MAX_DAYS_AHEAD = 366;

    private final FrameworkCatalog frameworks;
    private final CaseAccess cases;
    private final VotingService voting;
    private final ChangeRecorder changes;
    private final Clock clock;

    public DecisionService(FrameworkCatalog frameworks, CaseAccess cases, VotingService voting,
            ChangeRecorder changes, Clock clock) {
        this.frameworks = frameworks;
        this.cases = cases;
        this.voting = voting;
        this.changes = changes;
        this.clock = clock;
    }

    /** What the decider states: the outcome, why (per competency), from when, and why against the majority. */
    public record Statement(Outcome outcome, Decision.Rationale rationale, LocalDate effectiveDate,
            String overrideReason) {
    }

    @Transactional
    public Decision decide(String nominationId, Statement statement) {
        Caller caller = cases.caller();
        Nomination nomination = cases.lockedForCaller(nominationId);
        if (nomination.status() == NominationStatus.DECIDED) {
            throw ProblemException.conflict("The case is decided and decisions are immutable; the candidate or the "
                    + "nominator may appeal.");
        }
        cases.refuseIfConflicted(caller, nomination,
                "decide it (for a case its chair is conflicted on, hr-admin designates an acting chair)");
        Optional<String> decider = cases.decider(nomination);
        if (!decider.map(caller.employeeId()::equals).orElse(false)) {
            throw ProblemException.forbidden(decider.isPresent()
                    ? "Only the committee's chair (or the acting chair of this case) records the decision."
                    : "The chair has a conflict of interest on this case: hr-admin designates an acting chair among "
                            + "its eligible members first.");
        }
        VotingService.requireOpenForVotes(nomination);
        int quorum = Committee.<Committee>findById(nomination.committeeId()).quorum();
        int eligible = cases.eligibleMembers(nomination).size();
        if (eligible < quorum) {
            throw ProblemException.conflict("The committee can no longer make its quorum on this case: recusals and "
                    + "conflicts of interest leave " + eligible + " eligible member(s), below the quorum of " + quorum
                    + ". hr-admin withdraws the case or it is nominated again to a committee that can review it.");
        }
        Tally tally = VotingService.tally(voting.eligibleVotes(nomination));
        if (tally.cast() < quorum) {
            throw ProblemException.conflict("Quorum not met: " + tally.cast() + " of the " + quorum
                    + " votes the committee needs have been cast.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        check(nomination, statement, violations);
        boolean override = Decision.isOverride(statement.outcome(), tally);
        if (override && isBlank(statement.overrideReason())) {
            violations.add(new FieldViolation("overrideReason", "is required: " + statement.outcome()
                    + " goes against the majority of the votes (" + tally.approve() + " approve, " + tally.reject()
                    + " reject, " + tally.abstain() + " abstain)"));
        } else if (!override && !isBlank(statement.overrideReason())) {
            violations.add(new FieldViolation("overrideReason", "is only given when the outcome goes against the "
                    + "majority of the votes"));
        }
        ProblemException.refuseIfAny("The decision cannot be recorded as stated.", violations);
        return write(nomination, statement, tally, null, null);
    }

    /** The decisions of a case the caller may see, oldest first: the original, then any that replaced it. */
    @Transactional
    public List<Decision> ofCase(String nominationId) {
        cases.visible(nominationId);
        return Decision.ofNomination(nominationId);
    }

    @Transactional
    public Decision get(String id) {
        // Access first, the row after: an unknown id is checked as a case too (one that does not exist),
        // so that a hidden decision and an unknown id take the same work.
        String nominationId = Decision.nominationIdOf(id);
        boolean visible = cases.mayCallerSee(nominationId == null ? id : nominationId);
        if (nominationId == null || !visible) {
            throw new ResourceNotFoundException("decision", id);
        }
        return Decision.findById(id);
    }

    /** Checks the rationale (every competency of the target level, once) and the effective date. */
    public void check(Nomination nomination, Statement statement, List<FieldViolation> violations) {
        check(nomination, statement, "", violations);
    }

    /** As above, each problem located under {@code prefix} (e.g. "newDecision." in an appeal ruling). */
    public void check(Nomination nomination, Statement statement, String prefix, List<FieldViolation> violations) {
        Ladder ladder = frameworks.find(nomination.frameworkKey(), nomination.frameworkVersion()).orElseThrow()
                .ladder();
        Set<String> required = competenciesOf(ladder, nomination.targetLevel());
        Set<String> seen = new HashSet<>();
        List<Decision.CompetencyAssessment> given = statement.rationale().competencies();
        for (int i = 0; i < given.size(); i++) {
            String key = given.get(i).competency();
            if (!required.contains(key)) {
                violations.add(new FieldViolation(prefix + "rationale.competencies[" + i + "].competency", "'" + key
                        + "' is not a competency of " + nomination.targetLevel() + " (" + required + ")"));
            } else if (!seen.add(key)) {
                violations.add(new FieldViolation(prefix + "rationale.competencies[" + i + "].competency", "'" + key
                        + "' is assessed twice"));
            }
        }
        required.stream().filter(key -> !seen.contains(key)).forEach(key -> violations.add(new FieldViolation(
                prefix + "rationale.competencies", "has no assessment of '" + key + "'")));
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = statement.effectiveDate();
        if (effective == null && statement.outcome() == Outcome.PROMOTED) {
            violations.add(new FieldViolation(prefix + "effectiveDate", "is required for a promotion"));
        } else if (effective != null && (effective.isBefore(today.minusDays(MAX_DAYS_BACK))
                || effective.isAfter(today.plusDays(MAX_DAYS_AHEAD)))) {
            violations.add(new FieldViolation(prefix + "effectiveDate", "must be between " + today.minusDays(MAX_DAYS_BACK)
                    + " and " + today.plusDays(MAX_DAYS_AHEAD)));
        }
    }

    /** Writes a decision, makes it the case's decision in force and publishes decision-recorded. */
    public Decision write(Nomination nomination, Statement statement, Tally tally, String supersedes,
            String appealId) {
        Instant now = clock.instant();
        LocalDate effective = statement.effectiveDate() != null ? statement.effectiveDate() : LocalDate.now(clock);
        NominationService.Summary before = NominationService.Summary.of(nomination);
        Decision decision = Decision.record(UUID.randomUUID().toString(), nomination, statement.outcome(),
                statement.rationale(), effective, tally, blankToNull(statement.overrideReason()),
                cases.caller().employeeId(), now, supersedes, appealId);
        decision.persist();
        CaseStanding standing = CaseStanding.of(nomination);
        nomination.decided(decision.id(), decision.outcome(), decision.override(), now);
        changes.record(Change.of("decision", decision.id(), null, DecisionSummary.of(decision))
                .causing(new DecisionRecorded(decision.id(), nomination.id(), nomination.cycleId(),
                        nomination.candidateId(), decision.outcome(), nomination.frameworkKey(),
                        nomination.frameworkVersion(), nomination.targetLevel(), effective, now, supersedes,
                        decision.override(), tally, standing, CaseStanding.of(nomination))));
        changes.record(Change.of("nomination", nomination.id(), before, NominationService.Summary.of(nomination)));
        return decision;
    }

    /** The competencies with an expectation at the target level (all of the framework's when none has). */
    static Set<String> competenciesOf(Ladder ladder, String targetLevel) {
        String level = ladder.level(targetLevel).map(Ladder.Level::code).orElse(targetLevel);
        Set<String> keys = new java.util.LinkedHashSet<>();
        ladder.expectations().stream().filter(e -> e.level().equals(level)).forEach(e -> keys.add(e.competency()));
        if (keys.isEmpty()) {
            ladder.competencies().forEach(c -> keys.add(c.key()));
        }
        return keys;
    }

    /** What the audit trail keeps of a decision. */
    record DecisionSummary(String id, String nominationId, Outcome outcome, LocalDate effectiveDate, boolean override,
            String supersedesDecisionId) {
        static DecisionSummary of(Decision d) {
            return new DecisionSummary(d.id(), d.nominationId(), d.outcome(), d.effectiveDate(), d.override(),
                    d.supersedesDecisionId());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }
}
