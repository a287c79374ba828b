package org.leveling.evidence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.AccessPolicy;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.evidence.persistence.CommitteeGrants;

/**
 * Who may read a person's evidence and check-ins: the person, their management chain, hr-admin,
 * and members of a committee with an open nomination of the person. Everyone else is told "not
 * found", so the existence of evidence does not leak.
 */
@ApplicationScoped
public class EvidenceAccess {

    private final AccessPolicy policy;
    private final CommitteeGrants committees;
    private final PeopleDirectory people;
    private final CurrentUser currentUser;

    public EvidenceAccess(AccessPolicy policy, CommitteeGrants committees, PeopleDirectory people,
            CurrentUser currentUser) {
        this.policy = policy;
        this.committees = committees;
        this.people = people;
        this.currentUser = currentUser;
    }

    public Caller caller() {
        return currentUser.caller();
    }

    public boolean mayRead(Caller caller, String subjectId) {
        return policy.mayAccessEmployee(caller, subjectId) || committees.hasOpenGrant(caller.employeeId(), subjectId);
    }

    public void requireRead(String subjectId, String resourceType, String id) {
        if (!mayRead(caller(), subjectId)) {
            throw new ResourceNotFoundException(resourceType, id);
        }
    }

    /**
     * The same 404 for an object that was not found ({@code subjectId} null) and for one about a
     * subject the caller may not read. The read check runs for an unknown id too, against the id asked
     * for (nobody's subject), so that both refusals cost the same statements and the time of the
     * answer does not tell which ids exist.
     */
    public void requireFoundAndReadable(String subjectId, String resourceType, String id) {
        boolean readable = mayRead(caller(), subjectId == null ? id : subjectId);
        if (subjectId == null || !readable) {
            throw new ResourceNotFoundException(resourceType, id);
        }
    }

    /** Whether the caller sits on a committee with an open nomination of {@code subjectId}. */
    public boolean reviews(Caller caller, String subjectId) {
        return committees.hasOpenGrant(caller.employeeId(), subjectId);
    }

    /** Whether the caller is above {@code subjectId} in the management chain. */
    public boolean manages(Caller caller, String subjectId) {
        return people.manages(caller.employeeId(), subjectId);
    }

    /** The evidence, locked for a change, once the caller may read it; else the same 404 as for no evidence. */
    Evidence lockedForCaller(String id) {
        requireFoundAndReadable(Evidence.subjectOf(id), "evidence", id);
        return Evidence.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
