package com.dealerops.common.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.dealerops.common.error.Problems;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Accepts a verified token only if it names a dealer and carries known roles, and attaches the {@link Caller}
 * to the identity. The token's signature, issuer, audience and expiry were checked by smallrye-jwt before.
 */
@ApplicationScoped
public class CallerIdentityAugmentor implements SecurityIdentityAugmentor {

    static final String CALLER_ATTRIBUTE = "dealerops.caller";
    private static final int MAX_SUBJECT_LENGTH = 255;

    private final StaffRegistry registry;

    public CallerIdentityAugmentor(StaffRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID dealerId = dealerId(token);
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw rejected("the sub claim must name the staff member");
        }
        Set<Role> roles = roles(identity.getRoles());
        String name = displayName(token, subject);
        UUID staffId = Caller.staffIdFor(subject);
        String dealerName = stringClaim(token, "dealer_name", "Dealer " + dealerId.toString().substring(0, 8));
        return registry.register(dealerId, dealerName, staffId, subject, name, roles)
                .map(registration -> {
                    if (!registration.active()) {
                        throw rejected("this staff member has been deactivated");
                    }
                    return QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(CALLER_ATTRIBUTE, new Caller(dealerId, staffId, subject, name, roles,
                                    registration.zone()))
                            .build();
                });
    }

    private static UUID dealerId(JsonWebToken token) {
        Object claim = token.getClaim("dealer_id");
        String value = claim == null ? null : claim.toString().replace("\"", "");
        if (value == null || value.isBlank()) {
            throw rejected("the dealer_id claim is missing");
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // rejected below
        }
        throw rejected("the dealer_id claim must be a UUID");
    }

    private static Set<Role> roles(Set<String> groups) {
        if (groups.isEmpty()) {
            throw rejected("the groups claim names no role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            roles.add(Role.fromClaim(group).orElseThrow(() -> rejected("unknown role '" + group
                    + "' in the groups claim")));
        }
        return Set.copyOf(roles);
    }

    private static String displayName(JsonWebToken token, String subject) {
        String name = stringClaim(token, "name", null);
        if (name == null) {
            name = stringClaim(token, "preferred_username", subject);
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String stringClaim(JsonWebToken token, String claim, String fallback) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().replace("\"", "").trim();
        return text.isEmpty() ? fallback : text;
    }

    private static AuthenticationFailedException rejected(String why) {
        return new AuthenticationFailedException(Problems.TOKEN_REJECTED + why);
    }
}
