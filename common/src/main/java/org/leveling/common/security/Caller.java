package org.leveling.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject (an employee id) and roles. {@link #ANONYMOUS} when the
 * request carries no verified token.
 */
public record Caller(String employeeId, Set<String> roles, boolean authenticated) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), false);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller authenticated(String employeeId, Set<String> roles) {
        return new Caller(employeeId, roles, true);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAnonymous() {
        return !authenticated;
    }
}
