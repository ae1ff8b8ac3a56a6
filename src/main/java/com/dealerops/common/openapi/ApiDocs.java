package com.dealerops.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.audit.HistoryEntry;

/** Descriptions and examples that many operations share, so the document says the same thing everywhere. */
public final class ApiDocs {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String LIMIT = "Page size, 1 to 100";
    public static final String CURSOR = "nextCursor of the previous page; keep the other parameters unchanged";
    public static final String UPDATED_SINCE = "Delta sync: only records changed at or after this time (RFC 3339), "
            + "deleted ones included as tombstones";
    public static final String IDEMPOTENCY_KEY = "Client-chosen unique key (a UUID) that makes retries safe: a "
            + "repeat with the same key and body within 24 hours returns the first response";
    public static final String IF_MATCH = "The ETag of the version this change is based on (required)";
    public static final String IF_MATCH_OPTIONAL = "The ETag of the version this change is based on; when sent and "
            + "stale, 412";
    public static final String IF_NONE_MATCH = "ETag the client holds; 304 when it is still current";
    public static final String EXAMPLE_HISTORY = """
            {"items":[{"id":"0193b0a6-2222-7c39-9a57-3c1f0a3e8b23","occurredAt":"2026-11-28T09:30:00+08:00",
              "action":"UPDATED","actor":{"id":"0193b0a4-0000-7000-8000-000000000101","name":"李伟"},
              "requestId":"5f0c6bb2-6f4e-4c55-9d1e-0b8b8ab3d1c7",
              "changes":{"city":{"from":"上海","to":"杭州"}}}]}""";

    private ApiDocs() {
    }

    /** For the OpenAPI document: a page of history entries. */
    @Schema(name = "HistoryPage")
    public static final class HistoryPage {
        @Schema(required = true)
        public List<HistoryEntry> items;
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        public String nextCursor;
    }
}
