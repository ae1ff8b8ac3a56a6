package com.dealerops.common.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;

/** Builds problem responses with the same slugs and titles everywhere, inside and outside the REST layer. */
public final class Problems {

    public static final String REQUEST_ID_MDC_KEY = "requestId";
    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String MAX_BODY_DESCRIPTION = "1 MB";
    /** Prefix of the messages with which the service itself rejects a token that verified. */
    public static final String TOKEN_REJECTED = "Token rejected: ";

    private Problems() {
    }

    public static Problem forStatus(int status, String detail, String instance) {
        return new Problem(slug(status), title(status), status, detail, instance, requestId(), List.of(), Map.of());
    }

    static Problem stale(String instance) {
        return new Problem("stale-version", "Precondition failed", 412,
                "The resource was changed by someone else; fetch it again and reapply your change", instance,
                requestId(), List.of(), Map.of());
    }

    public static boolean causedByStaleVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static String requestId() {
        Object id = MDC.get(REQUEST_ID_MDC_KEY);
        return id == null ? null : id.toString();
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Client error";
        };
    }
}
