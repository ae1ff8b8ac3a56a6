package com.dealerops.common.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, carried to the error mapper as an RFC 9457 problem.
 * Stack traces are not captured: these are expected outcomes, not bugs.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
        this.headers = headers;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException invalid(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        return new ProblemException(400, "validation-failed", "Validation failed", detail, errors, Map.of(),
                Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not yours");
    }

    public static ProblemException conflict(String slug, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, slug, title, detail, List.of(), extensions, Map.of());
    }

    /** A client-chosen id (offline creation) that is already a record's: ids are accepted once. */
    public static ProblemException idTaken(java.util.UUID id) {
        return conflict("id-taken", "Id already used", "A record with id " + id + " already exists; ids are "
                + "accepted once", Map.of("existingId", id));
    }

    /** 409 for an action the state machine does not allow now, naming the current status and what it allows. */
    public static ProblemException illegalTransition(String what, Enum<?> status, String action,
            java.util.List<String> allowed) {
        return conflict("illegal-transition", "Illegal transition", "A " + status + " " + what + " cannot " + action
                + "; it allows: " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)),
                Map.of("currentStatus", status.name(), "allowedActions", allowed));
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(422, slug, title, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
