package com.dealerops.common.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.dealerops.common.db.DatabaseMigrator;
import com.dealerops.common.error.Problem;
import com.dealerops.common.error.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * First thing every HTTP request meets: gives it an X-Request-Id (the client's, if it sent a sane one) that is
 * echoed in the response and written into every log line of the request, and holds API requests with a 503
 * while the schema is still being migrated at startup.
 */
@ApplicationScoped
public class RequestContextFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final DatabaseMigrator migrator;
    private final ObjectMapper objectMapper;
    private final long maxBodyBytes;

    public RequestContextFilter(DatabaseMigrator migrator, ObjectMapper objectMapper,
            @ConfigProperty(name = "dealerops.api.max-body-size", defaultValue = "1M") MemorySize maxBodySize) {
        this.migrator = migrator;
        this.objectMapper = objectMapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    private Problem tooLarge(RoutingContext context) {
        return Problems.forStatus(413, "The request body is larger than the limit of "
                + Problems.MAX_BODY_DESCRIPTION, context.normalizedPath());
    }

    private void handle(RoutingContext context) {
        String requestId = context.request().getHeader(REQUEST_ID_HEADER);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            // a correlation id, not a secret: no SecureRandom on every request
            ThreadLocalRandom random = ThreadLocalRandom.current();
            requestId = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
        }
        MDC.put(Problems.REQUEST_ID_MDC_KEY, requestId);
        context.put(Problems.REQUEST_ID_MDC_KEY, requestId);
        context.response().putHeader(REQUEST_ID_HEADER, requestId);
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, tooLarge(context));
            return;
        }
        if (!migrator.isMigrated() && context.normalizedPath().startsWith("/api/")) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
            send(context, Problems.forStatus(503, "The service is starting; retry shortly",
                    context.normalizedPath()));
            return;
        }
        context.next();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself
        }
    }

    void send(RoutingContext context, Problem problem) {
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status + "}";
        }
        context.response().setStatusCode(problem.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
