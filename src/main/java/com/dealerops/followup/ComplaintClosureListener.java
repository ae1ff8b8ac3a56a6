package com.dealerops.followup;

import java.util.UUID;

import com.dealerops.common.security.Caller;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the same transaction, how a complaint's closure call ended: the complaint closes when the customer
 * accepts the resolution, is reopened when they do not, gets another call when they were not reached, and closes
 * without their answer when they may no longer be contacted.
 */
public interface ComplaintClosureListener {

    enum ClosureOutcome {
        ACCEPTED, REJECTED, NOT_REACHED, CONTACT_STOPPED
    }

    Uni<Void> closureCallEnded(Caller caller, UUID complaintId, UUID followUpId, ClosureOutcome outcome);
}
