package com.dealerops.common.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code nextCursor} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        @Schema(required = true, description = "The items of this page, at most limit of them") List<T> items,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page",
                example = "eyJrIjoiLWNyZWF0ZWRBdCIsInYiOiIyMDI2LTExLTI4VDAxOjMwOjAwWiIsImlkIjoiLi4uIn0")
        String nextCursor) {
}
