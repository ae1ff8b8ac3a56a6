package com.dealerops.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request; only valid behind {@code @RolesAllowed}. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(CallerIdentityAugmentor.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }
}
