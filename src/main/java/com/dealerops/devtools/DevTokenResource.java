package com.dealerops.devtools;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.security.Role;
import com.dealerops.common.web.CompletesDespiteDisconnect;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Dev mode only: hands out signed tokens for the demo staff so the API can be tried from Swagger UI or curl.
 * The class is not part of the test or production builds.
 */
@IfBuildProfile("dev")
@CompletesDespiteDisconnect
@Path("/dev/token")
@Tag(name = "Development")
@Produces(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    static final String DEMO_DEALER = "0193b0a4-0000-7000-8000-000000000001";

    private final Pool pool;
    private final String issuer;
    private final String audience;

    public DevTokenResource(Pool pool, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.pool = pool;
        this.issuer = issuer;
        this.audience = audience;
    }

    void announce(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        org.jboss.logging.Logger.getLogger(DevTokenResource.class).infof(
                "Dev tokens: curl 'http://localhost:%d/dev/token?role=sales' (roles: %s); Swagger UI: "
                        + "http://localhost:%d/q/swagger-ui", port,
                String.join(", ", Arrays.stream(Role.values()).map(Role::claimValue).toList()), port);
    }

    public record DevToken(String token, String staffId, String name, List<String> roles, String dealerId,
            Instant expiresAt) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Dev mode: a signed token for a demo staff member",
            description = "role picks the first active demo staff member with that role of the dealer (default: "
                    + "the demo dealer); staff picks one by id. Valid for 12 hours.")
    public Uni<DevToken> token(@QueryParam("role") String role, @QueryParam("staff") UUID staff,
            @QueryParam("dealer") UUID dealer) {
        if (role == null && staff == null) {
            throw ProblemException.invalid("role", "name a role: " + Arrays.stream(Role.values())
                    .map(Role::claimValue).toList());
        }
        if (role != null && Role.fromClaim(role).isEmpty()) {
            throw ProblemException.invalid("role", "unknown role; one of " + Arrays.stream(Role.values())
                    .map(Role::claimValue).toList());
        }
        UUID dealerId = dealer != null ? dealer : UUID.fromString(DEMO_DEALER);
        String sql = staff != null
                ? "SELECT id, name, roles, dealer_id FROM staff WHERE id = $2 AND ($1::uuid IS NULL OR dealer_id = $1)"
                : "SELECT id, name, roles, dealer_id FROM staff WHERE dealer_id = $1 AND $2 = ANY(roles) AND active "
                        + "ORDER BY id LIMIT 1";
        Tuple params = staff != null ? Tuple.of(dealer, staff) : Tuple.of(dealerId, role);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Demo staff member");
            }
            Row row = rows.iterator().next();
            List<String> roles = Arrays.asList(row.getArrayOfStrings("roles"));
            Instant expires = Instant.now().plus(Duration.ofHours(12));
            String token = Jwt.issuer(issuer)
                    .audience(audience)
                    .subject(row.getUUID("id").toString())
                    .claim("name", row.getString("name"))
                    .claim("dealer_id", row.getUUID("dealer_id").toString())
                    .groups(java.util.Set.copyOf(roles))
                    .expiresAt(expires)
                    .sign();
            return new DevToken(token, row.getUUID("id").toString(), row.getString("name"), roles,
                    row.getUUID("dealer_id").toString(), expires);
        });
    }
}
