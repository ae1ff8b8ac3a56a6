package com.dealerops.common.idempotency;

import java.net.URI;

/** What a write produced, before it is written out (and kept for replays under its Idempotency-Key). */
public record Outcome(int status, Object body, URI location, Long version) {

    public static Outcome created(URI location, long version, Object body) {
        return new Outcome(201, body, location, version);
    }

    public static Outcome ok(long version, Object body) {
        return new Outcome(200, body, null, version);
    }
}
