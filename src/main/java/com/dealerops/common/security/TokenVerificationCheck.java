package com.dealerops.common.security;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * A production service must know whose tokens to trust. Without a verification key every request would be a
 * 401, and without an issuer any token signed by the key would do: refuse to start, saying which property to set.
 */
@Singleton
public class TokenVerificationCheck {

    private static final Logger LOG = Logger.getLogger(TokenVerificationCheck.class);

    private final Optional<String> keyLocation;
    private final Optional<String> key;
    private final Optional<String> issuer;
    private final Optional<String> audiences;

    public TokenVerificationCheck(
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences) {
        this.keyLocation = keyLocation;
        this.key = key;
        this.issuer = issuer;
        this.audiences = audiences;
    }

    void onStart(@Observes @Priority(0) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        if (keyLocation.isEmpty() && key.isEmpty()) {
            fail("No token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (mp.jwt.verify.publickey.location) "
                    + "to your identity provider's PEM public key file or JWKS URL.");
        } else if (issuer.isEmpty()) {
            fail("No token issuer: set MP_JWT_VERIFY_ISSUER (mp.jwt.verify.issuer) to the iss claim your identity "
                    + "provider writes into tokens.");
        } else if (audiences.isEmpty()) {
            LOG.warn("No token audience: tokens for any audience of your identity provider are accepted; set "
                    + "MP_JWT_VERIFY_AUDIENCES (mp.jwt.verify.audiences) to this service's audience.");
        }
    }

    private static void fail(String message) {
        LOG.error(message);
        Quarkus.asyncExit(1);
    }
}
