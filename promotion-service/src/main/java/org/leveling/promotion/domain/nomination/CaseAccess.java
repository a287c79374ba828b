package org.leveling.promotion.domain.nomination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.Roles;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.committee.CommitteeRole;
import org.leveling.promotion.persistence.CaseConflicts;

/**
 * Who may see a case and who has which part in it: one place for the object-level rules that
 * nominations, votes, decisions and appeals share. Conflicts of interest are read from the current
 * data at every call (management chain, recusals, attestations of the packet's evidence), and no
 * role stands above them: an hr-admin with a conflict is treated as anyone else with one.
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseConflicts recorded;
    private final PeopleDirectory people;
    private final CurrentUser currentUser;
    private final OpenAppeals openAppeals;

    public CaseAccess(CaseConflicts recorded, PeopleDirectory people, CurrentUser currentUser,
            OpenAppeals openAppeals) {
        this.openAppeals = openAppeals;
        this.recorded = recorded;
        this.people = people;
        this.currentUser = currentUser;
    }

    public Caller caller() {
        return currentUser.caller();
    }

    /**
     * hr-admin, the nominator, the candidate, the candidate's management chain, the eligible members,
     * and while an appeal of the case is open, the chairs who may decide it. Every fact is read
     * whatever the earlier ones answered, so that the check costs the same statements for any case and
     * any caller (a stand-in for an unknown id included; see {@link #orStandIn}).
     */
    public boolean maySee(Caller caller, CaseParties n) {
        String me = caller.employeeId();
        Map<String, ConflictReason> conflicts = conflictsOfInterest(n);
        boolean chairsOpenAppeal = reviewsOpenAppeal(me, n, conflicts);
        // The chain is read before recusals and attestations, so a manager's first reason is theirs.
        return caller.hasRole(Roles.HR_ADMIN) || me.equals(n.nominatorId()) || me.equals(n.candidateId())
                || conflicts.get(me) == ConflictReason.MANAGEMENT_CHAIN
                || eligibleMembers(n, conflicts).contains(me) || chairsOpenAppeal;
    }

    /**
     * Who may read what the committee sees and the candidate may not (the votes, the packet, the
     * case's audit rows): nobody with a conflict of interest; of the others, hr-admin, the eligible
     * members, and while an appeal is open the chairs who may decide it.
     */
    public boolean mayReview(Caller caller, Nomination n) {
        String me = caller.employeeId();
        if (conflictsOfInterest(n).containsKey(me)) {
            return false;
        }
        return caller.hasRole(Roles.HR_ADMIN) || eligibleMembers(n).contains(me) || reviewsOpenAppeal(me, n);
    }

    /** hr-admin's administrative reach over a case: only where they have no conflict of interest on it. */
    public boolean administers(Caller caller, Nomination n) {
        return caller.hasRole(Roles.HR_ADMIN) && !conflictsOfInterest(n).containsKey(caller.employeeId());
    }

    /** A 403 naming the caller's conflict, when they have one on the case. */
    public void refuseIfConflicted(Caller caller, Nomination n, String what) {
        ConflictReason reason = conflictsOfInterest(n).get(caller.employeeId());
        if (reason != null) {
            throw ProblemException.forbidden("You have a conflict of interest on this case (" + describe(reason)
                    + "), whatever your roles: you may not " + what + ".");
        }
    }

    /** While an appeal of the case is open, the chairs who may decide it read the case. */
    public boolean reviewsOpenAppeal(String employeeId, CaseParties nomination) {
        return reviewsOpenAppeal(employeeId, nomination, conflictsOfInterest(nomination));
    }

    private boolean reviewsOpenAppeal(String employeeId, CaseParties nomination,
            Map<String, ConflictReason> conflicts) {
        boolean open = openAppeals.isOpenFor(nomination.id());
        return chairsAnotherCommittee(employeeId, nomination) && open && !conflicts.containsKey(employeeId);
    }

    /** Chairs another committee of the case's cycle and has no conflict of interest on the case. */
    public boolean isIndependentChair(String employeeId, CaseParties nomination) {
        return chairsAnotherCommittee(employeeId, nomination)
                && !conflictsOfInterest(nomination).containsKey(employeeId);
    }

    private boolean chairsAnotherCommittee(String employeeId, CaseParties nomination) {
        return recorded.chairsAnotherCommittee(nomination.cycleId(), nomination.committeeId(), employeeId,
                CommitteeRole.CHAIR.name());
    }

    /**
     * The case, for a caller who may see it; 404 for everyone else, as for an unknown id. The check
     * runs on the case's parties, read without the entity, so a refused caller costs what an unknown
     * id costs: the entity is loaded only for a caller who may see it.
     */
    public Nomination visible(String id) {
        if (!mayCallerSee(id)) {
            throw new ResourceNotFoundException("nomination", id);
        }
        return Nomination.findById(id);
    }

    /** Whether the caller may see the case with this id; false for an unknown id, after the same work. */
    public boolean mayCallerSee(String id) {
        CaseParties.Projection found = Nomination.partiesOf(id);
        boolean visible = maySee(currentUser.caller(), found != null ? found : CaseParties.Projection.standIn(id));
        return found != null && visible;
    }

    /** The parties of the case, read without the entity; for an unknown id, those of a stand-in nobody may see. */
    public CaseParties partiesOrStandIn(String id) {
        CaseParties.Projection found = Nomination.partiesOf(id);
        return found != null ? found : CaseParties.Projection.standIn(id);
    }

    /** As {@link #visible}, locked for update: changes to one case are serialised. */
    public Nomination lockedForCaller(String id) {
        return check(id, Nomination.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Everyone who may not review the case now, each with the first reason found: the candidate, the
     * nominator, the candidate's current management chain, members who declared a recusal, and
     * whoever acknowledged or endorsed evidence in the case's packet.
     */
    public Map<String, ConflictReason> conflictsOfInterest(CaseParties nomination) {
        Map<String, ConflictReason> conflicted = new LinkedHashMap<>();
        conflicted.put(nomination.candidateId(), ConflictReason.CANDIDATE);
        conflicted.putIfAbsent(nomination.nominatorId(), ConflictReason.NOMINATOR);
        people.managementChain(nomination.candidateId())
                .forEach(manager -> conflicted.putIfAbsent(manager, ConflictReason.MANAGEMENT_CHAIN));
        recorded.of(nomination.id()).forEach(conflict ->
                conflicted.putIfAbsent(conflict.employeeId(), ConflictReason.valueOf(conflict.reason())));
        return conflicted;
    }

    /** The members who may review the case now: those eligible at submission without a conflict since. */
    public List<String> eligibleMembers(CaseParties nomination) {
        if (nomination.eligibleMembers().isEmpty()) {
            return List.of();
        }
        return eligibleMembers(nomination, conflictsOfInterest(nomination));
    }

    private static List<String> eligibleMembers(CaseParties nomination, Map<String, ConflictReason> conflicted) {
        return nomination.eligibleMembers().stream().filter(m -> !conflicted.containsKey(m)).toList();
    }

    /** The committee's chair when they may review the case, else the acting chair hr-admin designated. */
    public Optional<String> decider(Nomination nomination) {
        Committee committee = Committee.findById(nomination.committeeId());
        List<String> eligible = eligibleMembers(nomination);
        Optional<String> chair = committee == null ? Optional.empty() : committee.members().stream()
                .filter(m -> m.role() == CommitteeRole.CHAIR).map(Committee.Member::employeeId)
                .filter(eligible::contains).findFirst();
        return chair.or(() -> Optional.ofNullable(nomination.actingChairId()).filter(eligible::contains));
    }

    static String describe(ConflictReason reason) {
        return switch (reason) {
            case CANDIDATE -> "you are its candidate";
            case NOMINATOR -> "you nominated the candidate";
            case MANAGEMENT_CHAIN -> "you are in the candidate's management chain";
            case RECUSED -> "you recused yourself from it";
            case ATTESTED_EVIDENCE -> "you attested evidence in its packet";
        };
    }

    /**
     * The case found, or for an unknown id a stand-in that nobody may see and nothing refers to: the
     * checks then run the same statements as for a case hidden from the caller, so that the time of a
     * 404 does not tell which ids exist. Never persisted.
     */
    public static Nomination orStandIn(String id, Nomination found) {
        return found != null ? found : Nomination.standIn(id);
    }

    private Nomination check(String id, Nomination nomination) {
        boolean visible = maySee(currentUser.caller(), orStandIn(id, nomination));
        if (nomination == null || !visible) {
            throw new ResourceNotFoundException("nomination", id);
        }
        return nomination;
    }
}
