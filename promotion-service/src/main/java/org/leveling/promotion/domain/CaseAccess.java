package org.leveling.promotion.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.Roles;

/**
 * Who may see a case and who has which part in it: one place for the object-level rules that
 * nominations, votes, decisions and appeals share.
 */
@ApplicationScoped
public class CaseAccess {

    private final EntityManager entityManager;
    private final PeopleDirectory people;
    private final CurrentUser currentUser;

    public CaseAccess(EntityManager entityManager, PeopleDirectory people, CurrentUser currentUser) {
        this.entityManager = entityManager;
        this.people = people;
        this.currentUser = currentUser;
    }

    public Caller caller() {
        return currentUser.caller();
    }

    /**
     * hr-admin, the nominator, the candidate, the candidate's management chain, the eligible members,
     * and while an appeal of the case is open, the chairs who may decide it.
     */
    public boolean maySee(Caller caller, Nomination n) {
        String me = caller.employeeId();
        return caller.hasRole(Roles.HR_ADMIN) || me.equals(n.nominatorId()) || me.equals(n.candidateId())
                || n.eligibleMembers().contains(me) || people.manages(me, n.candidateId())
                || reviewsOpenAppeal(me, n);
    }

    /** While an appeal of the case is open, the chairs who may decide it read the case. */
    public boolean reviewsOpenAppeal(String employeeId, Nomination nomination) {
        return Appeal.count("nominationId = ?1 and status = ?2", nomination.id(), Appeal.Status.OPEN) > 0
                && isIndependentChair(employeeId, nomination);
    }

    /** Chairs another committee of the case's cycle and has no conflict of interest on the case. */
    public boolean isIndependentChair(String employeeId, Nomination nomination) {
        if (conflictsOfInterest(nomination).contains(employeeId)) {
            return false;
        }
        return Committee.ofCycle(nomination.cycleId()).stream()
                .filter(c -> !c.id().equals(nomination.committeeId()))
                .anyMatch(c -> c.members().stream().anyMatch(m -> m.role() == CommitteeRole.CHAIR
                        && m.employeeId().equals(employeeId)));
    }

    /** The case, for a caller who may see it; 404 for everyone else, as for an unknown id. */
    public Nomination visible(String id) {
        return check(id, Nomination.findById(id));
    }

    /** As {@link #visible}, locked for update: changes to one case are serialised. */
    public Nomination lockedForCaller(String id) {
        return check(id, Nomination.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Everyone who may not review the case: the candidate, their management chain, the nominator and
     * members who declared a recusal from it.
     */
    public Set<String> conflictsOfInterest(Nomination nomination) {
        Set<String> conflicted = new LinkedHashSet<>();
        conflicted.add(nomination.candidateId());
        conflicted.addAll(people.managementChain(nomination.candidateId()));
        conflicted.add(nomination.nominatorId());
        @SuppressWarnings("unchecked")
        List<String> recused = entityManager.createNativeQuery(
                "SELECT member_id FROM recusal WHERE nomination_id = :id").setParameter("id", nomination.id())
                .getResultList();
        conflicted.addAll(recused);
        return conflicted;
    }

    /** The committee's chair when they may review the case, else the acting chair hr-admin designated. */
    public Optional<String> decider(Nomination nomination) {
        Committee committee = Committee.findById(nomination.committeeId());
        Optional<String> chair = committee == null ? Optional.empty() : committee.members().stream()
                .filter(m -> m.role() == CommitteeRole.CHAIR).map(Committee.Member::employeeId)
                .filter(nomination.eligibleMembers()::contains).findFirst();
        return chair.or(() -> Optional.ofNullable(nomination.actingChairId())
                .filter(nomination.eligibleMembers()::contains));
    }

    private Nomination check(String id, Nomination nomination) {
        if (nomination == null || !maySee(currentUser.caller(), nomination)) {
            throw new ResourceNotFoundException("nomination", id);
        }
        return nomination;
    }
}
