package org.leveling.promotion.domain.committee;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.promotion.domain.cycle.Cycle;
import org.leveling.promotion.domain.cycle.CycleState;

import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.CurrentUser;

/** Assigns review committees to a cycle's org units; each committee, its audit row and its event commit together. */
@ApplicationScoped
public class CommitteeService {

    private final PeopleDirectory people;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Candidacies candidacies;

    public CommitteeService(PeopleDirectory people, ChangeRecorder changes, CurrentUser currentUser,
            Clock clock, Candidacies candidacies) {
        this.candidacies = candidacies;
        this.people = people;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Assigns a committee over org units of the cycle that no other committee of the cycle covers
     * (409 otherwise), with exactly one chair, known members and a quorum they can meet (400).
     */
    @Transactional
    public Committee assign(String cycleId, String name, List<String> orgUnits, int quorum,
            List<Committee.Member> members) {
        // The cycle row lock serialises assignments, so two committees never take the same org unit.
        Cycle cycle = KnownEntity.lockedById(Cycle.class, "cycle", cycleId);
        if (cycle.state() == CycleState.CLOSED) {
            throw ProblemException.conflict("The cycle is closed: it is read-only.");
        }
        refuseOwnCommittee(cycleId, orgUnits);
        List<FieldViolation> violations = new ArrayList<>();
        if (orgUnits.stream().distinct().count() != orgUnits.size()) {
            violations.add(new FieldViolation("orgUnits", "must not repeat an org unit"));
        }
        for (int i = 0; i < orgUnits.size(); i++) {
            if (!cycle.orgUnits().contains(orgUnits.get(i))) {
                violations.add(new FieldViolation("orgUnits[" + i + "]", "'" + orgUnits.get(i)
                        + "' is not in the cycle's scope " + cycle.orgUnits()));
            }
        }
        if (members.stream().filter(m -> m.role() == CommitteeRole.CHAIR).count() != 1) {
            violations.add(new FieldViolation("members", "must have exactly one CHAIR"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String id = members.get(i).employeeId();
            if (!seen.add(id)) {
                violations.add(new FieldViolation("members[" + i + "].employeeId", "'" + id + "' is listed twice"));
            } else if (!people.exists(id)) {
                violations.add(new FieldViolation("members[" + i + "].employeeId", "'" + id
                        + "' is not a known person"));
            }
        }
        if (quorum > members.size()) {
            violations.add(new FieldViolation("quorum", "must not exceed the number of members (" + members.size()
                    + ")"));
        }
        ProblemException.refuseIfAny("The committee cannot be assigned as asked.", violations);
        for (Committee other : Committee.ofCycle(cycleId)) {
            List<String> shared = other.orgUnits().stream().filter(orgUnits::contains).toList();
            if (!shared.isEmpty()) {
                throw ProblemException.conflict("Committee '" + other.name() + "' already reviews " + shared
                        + " in this cycle: every candidate has exactly one committee.");
            }
        }
        Instant now = clock.instant();
        String by = currentUser.caller().employeeId();
        Committee committee = Committee.assign(UUID.randomUUID().toString(), cycleId, name, orgUnits, quorum, members,
                by, now);
        committee.persist();
        changes.record(Change.of("committee", committee.id(), null, new Summary(committee.id(), cycleId, name,
                committee.orgUnits(), quorum, committee.members()))
                .causing(new CommitteeAssigned(committee.id(), cycleId, name, committee.orgUnits(), quorum,
                        committee.members(), now, by)));
        return committee;
    }

    /**
     * Nobody sets up the committee that could review their own case: not for their own org unit, and not
     * in a cycle where they are a candidate, whatever their roles.
     */
    private void refuseOwnCommittee(String cycleId, List<String> orgUnits) {
        String me = currentUser.caller().employeeId();
        boolean ownUnit = people.find(me).map(p -> orgUnits.contains(p.orgUnit())).orElse(false);
        boolean candidate = candidacies.isCandidateIn(cycleId, me);
        if (ownUnit || candidate) {
            throw ProblemException.forbidden("You may be a candidate of this committee (" + (candidate
                    ? "you are nominated in this cycle" : "it reviews your own org unit")
                    + "): another hr-admin assigns it.");
        }
    }

    @Transactional
    public Committee get(String id) {
        return KnownEntity.byId(Committee.class, "committee", id);
    }

    @Transactional
    public List<Committee> ofCycle(String cycleId) {
        if (Cycle.findById(cycleId) == null) {
            throw new ResourceNotFoundException("cycle", cycleId);
        }
        return Committee.ofCycle(cycleId);
    }

    record Summary(String id, String cycleId, String name, List<String> orgUnits, int quorum,
            List<Committee.Member> members) {
    }
}
