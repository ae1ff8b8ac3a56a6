package com.dealerops.customer;

import java.util.UUID;

import com.dealerops.common.security.Caller;

import io.smallrye.mutiny.Uni;

/**
 * Work that contacts customers and must stop, in the same transaction, when a customer withdraws consent to be
 * contacted or their file is deleted (follow-ups are cancelled with the reason).
 */
public interface ContactStopListener {

    Uni<Void> contactStopped(Caller caller, UUID customerId, String reason);
}
