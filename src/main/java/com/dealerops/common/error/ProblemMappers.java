package com.dealerops.common.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.dealerops.common.web.AllowedMethods;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure that reaches the REST layer into application/problem+json. Nothing here ever writes a
 * stack trace or an exception class name into a response.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder builder = Problems.response(new Problem(e.slug(), e.title(), e.status(),
                e.getMessage(), request.path(), Problems.requestId(), e.errors(), e.extensions()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        Response.ResponseBuilder builder = Problems.response(Problems.forStatus(status, detailFor(status, e),
                request.path()));
        if (status == 405) {
            allowedMethods.forPath(request.path()).ifPresent(allow -> builder.header(HttpHeaders.ALLOW, allow));
        }
        return builder.build();
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource can only answer with application/json";
            case 413 -> "The request body is larger than the limit of " + Problems.MAX_BODY_DESCRIPTION;
            case 415 -> "This content type is not accepted here";
            default -> e.getMessage();
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return problem(ProblemException.validation(errors), request);
    }

    /** {@code create.input.phone} becomes {@code phone}; a violated query or header parameter keeps its name. */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() > 0 ? field.toString() : parameter == null ? "body" : parameter;
    }

    /* Listed one by one: Quarkus brings its own mappers for some of these, and the closest type wins. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, InvalidFormatException.class,
            InvalidTypeIdException.class, ValueInstantiationException.class,
            com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class,
            com.fasterxml.jackson.databind.exc.InvalidNullException.class,
            com.fasterxml.jackson.databind.exc.PropertyBindingException.class,
            com.fasterxml.jackson.core.exc.StreamReadException.class,
            com.fasterxml.jackson.core.io.JsonEOFException.class })
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, request); // e.g. the body limit, hit while Jackson was reading
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem(ProblemException.invalid(path(unknown), "unknown field"), request);
        }
        if (e instanceof InvalidFormatException invalid) {
            String expected = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "a valid " + typeName(invalid.getTargetType());
            return problem(ProblemException.invalid(path(invalid), "must be " + expected), request);
        }
        if (e instanceof InvalidTypeIdException || e instanceof MismatchedInputException) {
            MismatchedInputException mismatch = (MismatchedInputException) e;
            String field = path(mismatch);
            if (field.isEmpty()) {
                return problem(ProblemException.badRequest("The request body must be a JSON object"), request);
            }
            return problem(ProblemException.invalid(field, "must be a " + typeName(mismatch.getTargetType())),
                    request);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return problem(ProblemException.invalid(path(instantiation), "is invalid"), request);
        }
        if (e instanceof JsonParseException && e.getMessage() != null && e.getMessage().contains("UTF-8")) {
            return problem(ProblemException.badRequest("The request body is not valid UTF-8"), request);
        }
        if (e instanceof JsonParseException || e.getCause() instanceof java.io.CharConversionException) {
            return problem(ProblemException.badRequest("The request body is not well-formed JSON"), request);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            boolean encoding = e.getMessage() != null && e.getMessage().contains("UTF-8");
            return problem(ProblemException.invalid(path(mapping), encoding ? "must be valid UTF-8" : "is invalid"),
                    request);
        }
        return problem(ProblemException.badRequest("The request body is not valid JSON"), request);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "RFC 3339 timestamp with offset";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized("A bearer token is required", request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            return unavailable(request);
        }
        String detail = e.getMessage() != null && e.getMessage().startsWith(Problems.TOKEN_REJECTED)
                ? e.getMessage()
                : "The bearer token is invalid, expired, or not issued for this service";
        return unauthorized(detail, request);
    }

    private static Response unauthorized(String detail, HttpServerRequest request) {
        return Problems.response(Problems.forStatus(401, detail, request.path()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(Problems.forStatus(403, "Your role may not do this", request.path())).build();
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response staleVersion(RuntimeException e, HttpServerRequest request) {
        return stale(request);
    }

    /**
     * Another change committed first. A client that sent If-Match gets 412 about its ETag; one that did not (an
     * action guarded by its state machine, a delete) gets a 409 to reload and retry, not a 412 about an ETag it
     * never sent.
     */
    private Response stale(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.IF_MATCH) == null) {
            return problem(ProblemException.conflict("changed-meanwhile", "Changed meanwhile",
                    "The resource was changed by someone else while this ran; reload it and try again", Map.of()),
                    request);
        }
        return Problems.response(Problems.stale(request.path())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof ProblemException problem) {
            return problem(problem, request);
        }
        if (Problems.causedByStaleVersion(e)) {
            return stale(request);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return unavailable(request);
        }
        var unique = DatabaseFailures.uniqueViolation(e);
        if (unique.isPresent()) {
            return problem(ProblemException.conflict("duplicate", "Duplicate",
                    "This conflicts with an existing record", Map.of()), request);
        }
        var postgres = DatabaseFailures.sqlError(e);
        if (postgres.isPresent() && ("40P01".equals(postgres.get().sqlState())
                || "40001".equals(postgres.get().sqlState()))) {
            // two requests wrote the same rows at the same moment and PostgreSQL stopped one: nothing was written
            return problem(ProblemException.conflict("concurrent-change", "Concurrent change",
                    "Another request changed the same data at the same moment; nothing was changed, retry",
                    Map.of()), request);
        }
        if (postgres.isPresent() && "22003".equals(postgres.get().sqlState())) {
            // a sum larger than its column: the input is at fault, and nothing was written
            return problem(ProblemException.unprocessable("amount-too-large", "Amount too large",
                    "A number in the request, or a sum of them, is larger than the service stores"), request);
        }
        if (postgres.isPresent() && "22008".equals(postgres.get().sqlState())) {
            // a date beyond what PostgreSQL stores: the input is at fault, and nothing was written
            return problem(ProblemException.badRequest("A date or time in the request is out of range"), request);
        }
        if (postgres.isPresent() && "23503".equals(postgres.get().sqlState())) {
            return problem(ProblemException.unprocessable("unknown-reference", "Unknown reference",
                    "The request refers to a record that does not exist"), request);
        }
        if (postgres.isPresent() && "23514".equals(postgres.get().sqlState())) {
            // the database's own rule caught what validation should have: the client's input is still at fault
            LOG.warnf("Check constraint %s refused a write that passed validation", postgres.get().constraint());
            return problem(ProblemException.unprocessable("rule-violated", "Rule violated",
                    "The request breaks a rule of the data (" + postgres.get().constraint() + ")"), request);
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(Problems.forStatus(500,
                "Something went wrong on our side; quote the requestId when reporting it", request.path())).build();
    }

    private static Response unavailable(HttpServerRequest request) {
        return Problems.response(Problems.forStatus(503, "The database is unavailable; retry shortly",
                request.path())).header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS).build();
    }
}
