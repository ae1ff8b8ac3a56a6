package com.dealerops.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Signed tokens as the dealer's identity provider would issue them (dev key pair in src/dev/jwt). */
public final class Tokens {

    public static final String ISSUER = "https://dev.dealerops.local";
    public static final String AUDIENCE = "dealerops-api";

    private Tokens() {
    }

    /** A staff member of a dealer, with their token. */
    public record Staff(UUID dealerId, UUID id, String name, Set<String> roles, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static UUID newDealer() {
        return UUID.randomUUID();
    }

    public static Staff staff(UUID dealerId, String... roles) {
        UUID id = UUID.randomUUID();
        String name = "Staff " + id.toString().substring(0, 6);
        return new Staff(dealerId, id, name, Set.of(roles), sign(claims(dealerId, id.toString(), name, roles)));
    }

    public static JwtClaimsBuilder claims(UUID dealerId, String subject, String name, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("name", name)
                .groups(Arrays.stream(roles).collect(Collectors.toSet()))
                .expiresAt(Instant.now().plus(Duration.ofHours(1)));
        if (dealerId != null) {
            builder.claim("dealer_id", dealerId.toString());
        }
        return builder;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign();
    }
}
