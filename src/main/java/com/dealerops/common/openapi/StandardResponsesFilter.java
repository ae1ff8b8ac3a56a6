package com.dealerops.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.dealerops.common.error.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares on every API operation the error responses the platform itself can give (so a generated client and
 * a contract test know them), instead of repeating them on each resource method: 400 (bad parameter or body),
 * 401, 403, 406, 503 everywhere; 404 on paths with an id; 413 and 415 where a body is taken; 412 wherever
 * If-Match is accepted, 428 where it is required (PUT, PATCH) and 409 where it is optional (changed-meanwhile);
 * 409 and 422 for the Idempotency-Key rules of POST. An operation may declare a code itself
 * with a more specific description; it is then left alone.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class StandardResponsesFilter implements OASFilter {

    private record Standard(String name, int status, String description, String example) {
    }

    private static final Map<Integer, Standard> STANDARD = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        add("BadRequest", 400, "Invalid parameter, header or body (malformed JSON, unknown field, wrong type, "
                + "failed validation); errors lists the fields", "validation-failed", "Validation failed",
                "phone: must be a mobile phone number");
        add("Unauthorized", 401, "Missing, invalid or expired bearer token, or a token without dealer_id or with "
                + "an unknown role", "unauthorized", "Unauthorized", "A bearer token is required");
        add("Forbidden", 403, "The caller's role may not do this", "forbidden", "Forbidden",
                "Your role may not do this");
        add("NotFound", 404, "No such resource, or not visible to the caller (another dealer's, or not theirs)",
                "not-found", "Not found", "Customer does not exist or is not yours");
        add("NotAcceptable", 406, "The Accept header excludes application/json", "not-acceptable",
                "Not acceptable", "This resource can only answer with application/json");
        add("Conflict", 409, "A request with the same Idempotency-Key is still being processed",
                "idempotency-key-in-use", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly");
        add("PreconditionFailed", 412, "If-Match names a version that is no longer current", "stale-version",
                "Precondition failed",
                "The resource was changed by someone else; fetch it again and reapply your change");
        add("PayloadTooLarge", 413, "The body is larger than 1 MB", "payload-too-large", "Payload too large",
                "The request body is larger than the limit of 1 MB");
        add("UnsupportedMediaType", 415, "The Content-Type is not accepted by this operation",
                "unsupported-media-type", "Unsupported media type", "This content type is not accepted here");
        add("UnprocessableContent", 422, "The Idempotency-Key was used before for a different request",
                "idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was used for a different request; use a new key");
        add("PreconditionRequired", 428, "If-Match is required for this change", "precondition-required",
                "Precondition required",
                "Send If-Match with the ETag you last read, so that concurrent changes are not overwritten");
        add("ServiceUnavailable", 503, "The database is unavailable or the service is starting; retry after "
                + "Retry-After seconds", "service-unavailable", "Service unavailable",
                "The database is unavailable; retry shortly");
    }

    private static void add(String name, int status, String description, String slug, String title,
            String detail) {
        String example = "{\"type\":\"urn:dealerops:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\"/api/v1/customers\","
                + "\"requestId\":\"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7\"}";
        STANDARD.put(status, new Standard(name, status, description, example));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        for (Standard standard : STANDARD.values()) {
            components.addResponse(standard.name(), problemResponse(standard));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> declare(path, method, operation));
        });
    }

    private void declare(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean hasBody = operation.getRequestBody() != null;
        boolean conditionalWrite = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        ensure(responses, 400);
        ensure(responses, 401);
        ensure(responses, 403);
        ensure(responses, 406);
        ensure(responses, 503);
        if (path.contains("{")) {
            ensure(responses, 404);
        }
        if (hasBody) {
            ensure(responses, 413);
            ensure(responses, 415);
        }
        org.eclipse.microprofile.openapi.models.parameters.Parameter ifMatch = operation.getParameters() == null
                ? null
                : operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).findFirst()
                        .orElse(null);
        if (conditionalWrite || method == PathItem.HttpMethod.DELETE || ifMatch != null) {
            ensure(responses, 412);
        }
        if (conditionalWrite || (ifMatch != null && Boolean.TRUE.equals(ifMatch.getRequired()))) {
            ensure(responses, 428);
        } else if (ifMatch != null) {
            ensure(responses, 409); // changed-meanwhile: sent without If-Match, lost to a concurrent change
        }
        if (method == PathItem.HttpMethod.POST) {
            ensure(responses, 409);
            ensure(responses, 422);
        }
        APIResponses sorted = OASFactory.createAPIResponses();
        new java.util.TreeMap<>(responses.getAPIResponses()).forEach(sorted::addAPIResponse);
        operation.setResponses(sorted);
    }

    /** Adds the standard response unless the operation declared this code with content of its own. */
    private static void ensure(APIResponses responses, int status) {
        APIResponse existing = responses.getAPIResponse(Integer.toString(status));
        if (existing != null && existing.getContent() != null) {
            return;
        }
        responses.addAPIResponse(Integer.toString(status),
                OASFactory.createAPIResponse().ref(STANDARD.get(status).name()));
    }

    private static APIResponse problemResponse(Standard standard) {
        Example example = OASFactory.createExample().value(parse(standard.example()));
        APIResponse response = OASFactory.createAPIResponse()
                .description(standard.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem"))
                                .addExample(standard.name(), example)));
        if (standard.status() == 503) {
            response.addHeader("Retry-After", header("Seconds to wait before retrying", Schema.SchemaType.INTEGER));
        }
        if (standard.status() == 401) {
            response.addHeader("WWW-Authenticate", header("Bearer", Schema.SchemaType.STRING));
        }
        return response;
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("invalid example " + json, e);
        }
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(type));
    }
}
