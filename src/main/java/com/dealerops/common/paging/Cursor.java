package com.dealerops.common.paging;

import java.util.Base64;
import java.util.UUID;

import com.dealerops.common.error.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An opaque position in a sorted list: the sort it belongs to, the sort value and the id of the last row seen.
 */
public record Cursor(Object value, UUID id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Encoded(@JsonProperty("k") String sort, @JsonProperty("v") String value,
            @JsonProperty("id") UUID id) {
    }

    public static String encode(SortKey<?> sort, Object value, UUID id) {
        try {
            byte[] json = JSON.writeValueAsBytes(new Encoded(sort.name(), String.valueOf(value), id));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode cursor", e);
        }
    }

    /** Decodes a cursor the client sent back; 400 if it was altered or belongs to another sort order. */
    public static Cursor decode(String cursor, SortKey<?> sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            Encoded encoded = JSON.readValue(Base64.getUrlDecoder().decode(cursor.trim()), Encoded.class);
            if (encoded.sort() == null || encoded.value() == null || encoded.id() == null) {
                throw new IllegalArgumentException("incomplete");
            }
            if (!encoded.sort().equals(sort.name())) {
                throw ProblemException.invalid("cursor", "belongs to sort " + encoded.sort()
                        + "; keep the sort of the first page while paging");
            }
            return new Cursor(sort.parseValue(encoded.value()), encoded.id());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.invalid("cursor", "is not a cursor this service returned");
        }
    }
}
