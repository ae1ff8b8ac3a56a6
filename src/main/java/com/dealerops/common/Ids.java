package com.dealerops.common;

import java.util.UUID;

import org.hibernate.id.uuid.UuidVersion7Strategy;

/** New ids are time-ordered UUIDs (version 7): unique without coordination, and kind to B-tree indexes. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return UuidVersion7Strategy.INSTANCE.generateUUID(null);
    }
}
