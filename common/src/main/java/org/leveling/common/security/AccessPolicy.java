package org.leveling.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.problem.ResourceNotFoundException;

/**
 * Object-level authorization, the same in every service: data about employee X may be read and
 * changed by X, by anyone in X's management chain (direct or skip-level), and by hr-admin.
 * Everyone else gets the same 404 as for an unknown id, so ids cannot be probed.
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
     * Refuses, as "not found", a caller of the current request who may not access data about
     * {@code employeeId}; {@code resourceType} and {@code id} name what was asked for.
     */
    public void requireAccessToEmployee(String employeeId, String resourceType, String id) {
        if (!mayAccessEmployee(currentUser.caller(), employeeId)) {
            throw new ResourceNotFoundException(resourceType, id);
        }
    }
}
