package org.leveling.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, from its verified JWT ({@code sub}, {@code groups}). */
@RequestScoped
public class CurrentUser {

    private final Instance<SecurityIdentity> identity;

    public CurrentUser(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public Caller caller() {
        SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        return Caller.authenticated(current.getPrincipal().getName(), current.getRoles());
    }

    /** The caller when a request is being served, {@link Caller#ANONYMOUS} elsewhere (e.g. a consumer thread). */
    public static Caller ofCurrentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return Caller.ANONYMOUS;
        }
        return Arc.container().instance(CurrentUser.class).get().caller();
    }
}
