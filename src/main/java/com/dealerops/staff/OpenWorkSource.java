package com.dealerops.staff;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Something a staff member may still have open (customers they own, leads, follow-ups, complaints). Each feature
 * that assigns work to staff provides one, so deactivating someone lists everything that needs a new owner.
 */
public interface OpenWorkSource {

    /** The kind of work, as it appears in the open-work listing ("customers", "leads", ...). */
    String kind();

    /** Up to {@code limit} open items of the staff member, and how many there are in all. */
    Uni<OpenWork.Kind> openWork(UUID dealerId, UUID staffId, int limit);

    /** One kind of open work of one staff member. */
    record OpenWorkItem(UUID id, String label) {
    }
}
