package org.leveling.promotion.domain.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.persistence.OptionalConditions;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.security.CurrentUser;
import org.leveling.promotion.persistence.CycleTransitions;

import io.quarkus.panache.common.Sort;

/** Plans cycles and moves them through their states; each change, its audit row and its event commit together. */
@ApplicationScoped
public class CycleService {

    private final CycleTransitions transitions;
    private final FrameworkCatalog frameworks;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CycleService(CycleTransitions transitions, FrameworkCatalog frameworks, ChangeRecorder changes,
            CurrentUser currentUser, Clock clock) {
        this.transitions = transitions;
        this.frameworks = frameworks;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A transition as the history keeps it. */
    public record Transition(String from, String to, Instant at, String by) {
    }

    /** What the audit trail keeps of a cycle. */
    record Summary(String id, String name, CycleState state, long revision) {
        static Summary of(Cycle c) {
            return new Summary(c.id(), c.name(), c.state(), c.revision());
        }
    }

    /** Plans a cycle of a framework this service knows a current version of, with windows in order. */
    @Transactional
    public Cycle plan(String name, String frameworkKey, List<String> orgUnits, Cycle.Windows windows) {
        List<FieldViolation> violations = new ArrayList<>();
        if (frameworks.latestActive(frameworkKey).isEmpty()) {
            violations.add(new FieldViolation("frameworkKey", "no current published version of '" + frameworkKey
                    + "' is known here"));
        }
        checkOrder(windows, violations);
        if (orgUnits.stream().distinct().count() != orgUnits.size()) {
            violations.add(new FieldViolation("orgUnits", "must not repeat an org unit"));
        }
        ProblemException.refuseIfAny("The cycle cannot be planned as asked.", violations);
        Instant now = clock.instant();
        String by = currentUser.caller().employeeId();
        Cycle cycle = Cycle.plan(UUID.randomUUID().toString(), name, frameworkKey, orgUnits, windows, by, now);
        cycle.persist();
        changes.record(Change.of("cycle", cycle.id(), null, Summary.of(cycle)).causing(record(cycle, null, now, by)));
        return cycle;
    }

    /** Moves the cycle one step; anything else (a skip, a step back, a closed cycle) is a 409. */
    @Transactional
    public Cycle transition(String id, CycleState.Action action) {
        Cycle cycle = KnownEntity.lockedById(Cycle.class, "cycle", id);
        Summary before = Summary.of(cycle);
        Instant now = clock.instant();
        if (!cycle.apply(action, now)) {
            throw ProblemException.conflict(cycle.state() == CycleState.CLOSED
                    ? "The cycle is closed: it is read-only."
                    : action + " needs a cycle in state " + action.from() + "; this one is " + cycle.state() + ".");
        }
        String by = currentUser.caller().employeeId();
        changes.record(Change.of("cycle", id, before, Summary.of(cycle)).causing(record(cycle, before.state(), now, by)));
        return cycle;
    }

    @Transactional
    public Cycle get(String id) {
        return KnownEntity.byId(Cycle.class, "cycle", id);
    }

    /** Cycles, the most recently planned first. */
    @Transactional
    public List<Cycle> list(String frameworkKey, CycleState state, int limit) {
        OptionalConditions conditions = new OptionalConditions().equal("frameworkKey", frameworkKey)
                .equal("state", state);
        return Cycle.find(conditions.query(), Sort.descending("createdAt").and("id"), conditions.parameters())
                .page(0, limit).list();
    }

    @Transactional
    public List<Transition> history(String id) {
        return transitions.of(id).stream()
                .map(row -> new Transition(row.from(), row.to(), row.at(), row.by())).toList();
    }

    /** Keeps the transition in the cycle's history; returns the event announcing it. */
    private CycleTransitioned record(Cycle cycle, CycleState from, Instant now, String by) {
        transitions.append(cycle.id(), from == null ? null : from.name(), cycle.state().name(), now, by);
        return new CycleTransitioned(cycle.id(), cycle.name(), cycle.frameworkKey(), cycle.orgUnits(), from,
                cycle.state(), now, by);
    }

    private static void checkOrder(Cycle.Windows w, List<FieldViolation> violations) {
        if (w.nominationsFrom().isAfter(w.nominationsTo())) {
            violations.add(new FieldViolation("windows.nominationsTo", "must not be before nominationsFrom"));
        }
        if (w.nominationsTo().isAfter(w.reviewFrom())) {
            violations.add(new FieldViolation("windows.reviewFrom", "must not be before nominationsTo"));
        }
        if (w.reviewFrom().isAfter(w.reviewTo())) {
            violations.add(new FieldViolation("windows.reviewTo", "must not be before reviewFrom"));
        }
        if (w.reviewTo().isAfter(w.calibrationFrom())) {
            violations.add(new FieldViolation("windows.calibrationFrom", "must not be before reviewTo"));
        }
        if (w.calibrationFrom().isAfter(w.calibrationTo())) {
            violations.add(new FieldViolation("windows.calibrationTo", "must not be before calibrationFrom"));
        }
    }

}
