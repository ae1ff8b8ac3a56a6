package com.dealerops.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.security.Caller;
import com.dealerops.common.time.Clocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency-Key on POST: the first request with a key does the work and stores its response in the same
 * transaction; a repeat with the same body gets that response again, with a different body a 422.
 * <p>
 * The key row is inserted before the work. A concurrent duplicate blocks on that row's primary key until the
 * first transaction ends: if it committed, the duplicate reads the stored response; if it rolled back (the work
 * failed), the duplicate does the work itself. Either way there is never a second row. Failed requests store
 * nothing, so a client may retry them with the same key. Keys expire after 24 hours.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    private static final String CLAIM = """
            INSERT INTO idempotency_key (dealer_id, staff_id, key, request_hash, created_at)
            VALUES (:dealerId, :staffId, :key, :hash, :now)
            ON CONFLICT (dealer_id, staff_id, key) DO UPDATE
                SET request_hash = excluded.request_hash, created_at = excluded.created_at,
                    response_status = NULL, response_body = NULL, location = NULL, etag = NULL
                WHERE idempotency_key.created_at < :expiredBefore""";
    private static final String STORED = """
            SELECT request_hash, response_status, response_body, location, etag FROM idempotency_key
            WHERE dealer_id = $1 AND staff_id = $2 AND key = $3""";
    private static final String COMPLETE = """
            UPDATE idempotency_key SET response_status = :status, response_body = :body, location = :location,
                etag = :etag
            WHERE dealer_id = :dealerId AND staff_id = :staffId AND key = :key""";

    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Pool pool;
    private final Vertx vertx;

    public Idempotency(ObjectMapper objectMapper, Clock clock, Pool pool, Vertx vertx) {
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.pool = pool;
        this.vertx = vertx;
    }

    /**
     * Runs {@code work} (which joins this transaction) at most once per key.
     *
     * @param operation what the request does, e.g. "POST /api/v1/customers": the same key on another operation
     *        is a different request
     */
    public Uni<Response> execute(Caller caller, String key, String operation, Object request,
            Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return Panache.withTransaction(work).map(this::serialized).map(this::respond);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters; use a UUID");
        }
        String hash = hash(operation, request);
        Instant now = Clocks.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(CLAIM)
                .setParameter("dealerId", caller.dealerId())
                .setParameter("staffId", caller.staffId())
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("now", now)
                .setParameter("expiredBefore", now.minus(RETENTION))
                // a row count, not a result set: Hibernate caches native select plans under keys that never
                // match, which made that cache a hot spot (JFR: 13 % of a create in SelectInterpretationsKey.equals)
                .executeUpdate()
                .chain(claimed -> claimed == 0
                        ? Uni.createFrom().<Response>nullItem()
                        : work.get().map(this::serialized)
                                .call(outcome -> complete(session, caller, key, outcome))
                                .map(this::respond))))
                // a replay reads the stored response after this transaction let its connection go: reading it
                // while holding one would take a second connection per request and starve the pool under load
                .onItem().ifNull().switchTo(() -> replay(caller, key, hash));
    }

    /**
     * The first request's committed response, read on the SQL client once the claim's transaction is over: the
     * claim found the committed row, and a native select through the session would only fill Hibernate's plan
     * cache with keys that never match.
     */
    private Uni<Response> replay(Caller caller, String key, String hash) {
        return pool.preparedQuery(STORED).execute(Tuple.of(caller.dealerId(), caller.staffId(), key)).map(rows -> {
            Row row = rows.iterator().next();
            if (!hash.equals(row.getString(0))) {
                throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was used for a different request; use a new key");
            }
            if (row.getInteger(1) == null) {
                throw ProblemException.conflict("idempotency-key-in-use", "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly", Map.of());
            }
            Response.ResponseBuilder builder = Response.status(row.getInteger(1)).entity(row.getString(2))
                    .type(MediaType.APPLICATION_JSON_TYPE).header(REPLAYED_HEADER, "true");
            if (row.getString(3) != null) {
                builder.header(HttpHeaders.LOCATION, row.getString(3));
            }
            if (row.getString(4) != null) {
                builder.header(HttpHeaders.ETAG, row.getString(4));
            }
            return builder.build();
        });
    }

    private Uni<Integer> complete(Mutiny.Session session, Caller caller, String key, Outcome outcome) {
        return session.createNativeQuery(COMPLETE)
                .setParameter("status", outcome.status())
                .setParameter("body", outcome.body())
                .setParameter("location", outcome.location() == null ? null : outcome.location().toString())
                .setParameter("etag", outcome.version() == null ? null : EntityTags.of(outcome.version()).toString())
                .setParameter("dealerId", caller.dealerId())
                .setParameter("staffId", caller.staffId())
                .setParameter("key", key)
                .executeUpdate();
    }

    /** The outcome with its body as the JSON text that is both stored and sent. */
    private Outcome serialized(Outcome outcome) {
        return new Outcome(outcome.status(), serialize(outcome.body()), outcome.location(), outcome.version());
    }

    /** First responses go out exactly as a replay would: the same serialized body and headers. */
    private Response respond(Outcome outcome) {
        Response.ResponseBuilder builder = Response.status(outcome.status()).entity(outcome.body())
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (outcome.location() != null) {
            builder.header(HttpHeaders.LOCATION, outcome.location().toString()); // relative, as replays store it
        }
        if (outcome.version() != null) {
            builder.tag(EntityTags.of(outcome.version()));
        }
        return builder.build();
    }

    private String serialize(Object body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize response", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(objectMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }

    void schedulePurge(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(), id -> purge()
                .subscribe().with(deleted -> LOG.debugf("Purged %d expired idempotency keys", deleted),
                        failure -> LOG.warnf("Could not purge expired idempotency keys: %s", failure.getMessage())));
    }

    Uni<Integer> purge() {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < $1")
                .execute(Tuple.of(
                        Clocks.now(clock).minus(RETENTION).atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
