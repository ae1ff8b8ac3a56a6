package com.dealerops.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * A tablet sends the same token with every request for hours; checking its RSA signature and parsing its claims
 * each time cost about a fifth of the CPU of a list request (JFR, bench/run.sh). A token that verified is
 * remembered, by its SHA-256, until it expires (at most 10 minutes); anything that failed is checked again.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser delegate;
    private final long clockSkewSeconds;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(JWTAuthContextInfo context,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkewSeconds,
            @ConfigProperty(name = "dealerops.jwt.cache-size", defaultValue = "5000") long cacheSize) {
        this.delegate = new DefaultJWTParser(context);
        this.clockSkewSeconds = clockSkewSeconds;
        this.verified = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.creating((String key, JsonWebToken token) -> lifetime(token)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String key = sha256(token);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null && !expired(known)) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(key, parsed);
        return parsed;
    }

    private boolean expired(JsonWebToken token) {
        return token.getExpirationTime() + clockSkewSeconds < System.currentTimeMillis() / 1000;
    }

    private Duration lifetime(JsonWebToken token) {
        long left = token.getExpirationTime() + clockSkewSeconds - System.currentTimeMillis() / 1000;
        return Duration.ofSeconds(Math.max(0, Math.min(left, 600)));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
