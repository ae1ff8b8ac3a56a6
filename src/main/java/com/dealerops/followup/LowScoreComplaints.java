package com.dealerops.followup;

import java.util.UUID;

import com.dealerops.common.security.Caller;
import com.dealerops.settings.DealerSettings;

import io.smallrye.mutiny.Uni;

/**
 * Registers, in the same transaction, the complaint a low-score follow-up asked for (openComplaint): customer
 * service then handles it as any other. Implemented by the complaints feature.
 */
public interface LowScoreComplaints {

    /** What the follow-up knows of the unhappy customer. */
    record LowScore(UUID followUpId, FollowUpKind kind, com.dealerops.settings.FollowUpChannel channel,
            UUID customerId, UUID leadId, UUID deliveryId, String scores, String outcome, String notes) {
    }

    /** The new complaint's id. */
    Uni<UUID> openFromLowScore(Caller caller, LowScore lowScore, DealerSettings settings);
}
