package com.dealerops.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error response. Extension members (for example the id of an
 * existing record on a duplicate) are written as top-level properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "requestId", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem details. Further members may name related resources, "
        + "for example existingCustomerId on a duplicate.", additionalProperties = Schema.True.class)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:dealerops:problem:";

    @Schema(description = "Identifies the kind of problem; stable, safe to switch on",
            example = "urn:dealerops:problem:validation-failed", required = true)
    public final String type;
    @Schema(description = "Short summary of the kind of problem", example = "Validation failed", required = true)
    public final String title;
    @Schema(description = "HTTP status code", example = "400", required = true)
    public final int status;
    @Schema(description = "What went wrong with this request", example = "name: must not be blank")
    public final String detail;
    @Schema(description = "The request path", example = "/api/v1/customers")
    public final String instance;
    @Schema(description = "The X-Request-Id of the request, for support", example = "5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7")
    public final String requestId;
    @Schema(description = "One entry per invalid field (validation problems only)")
    public final List<FieldError> errors;
    private final Map<String, Object> extensions;

    Problem(String slug, String title, int status, String detail, String instance, String requestId,
            List<FieldError> errors, Map<String, Object> extensions) {
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }

    @Schema(name = "FieldError", description = "A field that failed validation")
    public record FieldError(
            @Schema(description = "JSON path of the field in the request, or the query parameter or header name",
                    example = "phone", required = true) String field,
            @Schema(description = "Why it is invalid", example = "must be a valid mobile phone number",
                    required = true) String message) {
    }
}
