package org.leveling.common.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.leveling.common.web.Ids;

import jakarta.json.JsonString;

import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request, from its verified JWT: the employee id from the claim named
 * by {@code leveling.security.employee-id-claim} (default {@code sub}), the roles from
 * {@code groups}. Application-scoped: it keeps no state of its own (the identity and token it reads
 * are the request's), so no request pays for creating it and resolving its configuration again.
 */
@ApplicationScoped
public class CurrentUser {

    private static final Pattern EMPLOYEE_ID = Pattern.compile(Ids.EMPLOYEE_ID);

    private final Instance<SecurityIdentity> identity;
    private final Instance<JsonWebToken> token;
    private final String employeeIdClaim;

    public CurrentUser(Instance<SecurityIdentity> identity, Instance<JsonWebToken> token,
            @ConfigProperty(name = "leveling.security.employee-id-claim", defaultValue = "sub") String employeeIdClaim) {
        this.identity = identity;
        this.token = token;
        this.employeeIdClaim = employeeIdClaim;
    }

    /** The caller of the request being served, {@link Caller#ANONYMOUS} outside one (e.g. a consumer thread). */
    public Caller caller() {
        if (!Arc.container().requestContext().isActive()) {
            return Caller.ANONYMOUS;
        }
        SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Object claim = token.get().getClaim(employeeIdClaim);
        String employeeId = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (employeeId == null || employeeId.isBlank()) {
            // Without its employee id a token cannot be matched to any person: refuse it outright.
            throw new AuthenticationFailedException("The token has no " + employeeIdClaim + " claim");
        }
        if (!EMPLOYEE_ID.matcher(employeeId).matches()) {
            // The id is written to audit rows and published in events whose schemas allow only this form:
            // a provider's opaque subject must be mapped (leveling.security.employee-id-claim) instead.
            throw new AuthenticationFailedException("The token's " + employeeIdClaim + " claim is not an employee id");
        }
        return Caller.authenticated(employeeId, current.getRoles());
    }

    /** The caller when a request is being served, {@link Caller#ANONYMOUS} elsewhere (e.g. a consumer thread). */
    public static Caller ofCurrentRequest() {
        return Arc.container().instance(CurrentUser.class).get().caller();
    }
}
