package org.leveling.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.problem.ResourceNotFoundException;

/**
 * Object-level authorization, the same in every service: data about employee X may be read and
 * changed by X, by anyone in X's management chain (direct or skip-level), and by hr-admin.
 * Everyone else gets the same 404 as for an unknown id, so ids cannot be probed, and the check takes
 * the same work for both (see {@link #requireFoundAndAccessible}), so that neither can answer time.
 */
@ApplicationScoped
public class AccessPolicy {

    private final ManagementChains chains;
    private final CurrentUser currentUser;

    public AccessPolicy(ManagementChains chains, CurrentUser currentUser) {
        this.chains = chains;
        this.currentUser = currentUser;
    }

    /** Whether {@code caller} may see and act on data about {@code employeeId}. */
    public boolean mayAccessEmployee(Caller caller, String employeeId) {
        if (caller.isAnonymous()) {
            return false;
        }
        return caller.hasRole(Roles.HR_ADMIN)
                || caller.employeeId().equals(employeeId)
                || chains.managementChain(employeeId).contains(caller.employeeId());
    }

    /**
     * The same 404 for an object that was not found ({@code ownerId} null) and for one about an
     * employee the caller may not access. The access check runs for an unknown id too, against the id
     * asked for (in nobody's chain), so that the two refusals cost the same statements and the time
     * of the answer does not tell which ids exist.
     */
    public void requireFoundAndAccessible(String ownerId, String resourceType, String id) {
        boolean accessible = mayAccessEmployee(currentUser.caller(), ownerId == null ? id : ownerId);
        if (ownerId == null || !accessible) {
            throw new ResourceNotFoundException(resourceType, id);
        }
    }
}
