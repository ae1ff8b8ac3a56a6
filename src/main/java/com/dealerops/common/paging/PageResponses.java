package com.dealerops.common.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Writes a page with its {@code Link: <...>; rel="next"} header. */
public final class PageResponses {

    private PageResponses() {
    }

    public static Response ok(Page<?> page, UriInfo uriInfo) {
        Response.ResponseBuilder builder = Response.ok(page);
        if (page.nextCursor() != null) {
            var next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            String relative = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
            builder.header("Link", "<" + relative + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
