package com.dealerops.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/** A client hanging up cancels what the resource returned, never the database work behind it. */
class DisconnectShieldTest {

    @Test
    void cancellingTheAnswerLetsTheWorkFinishAndCleanUp() {
        UnicastProcessor<String> database = UnicastProcessor.create();
        AtomicBoolean workCancelled = new AtomicBoolean();
        AtomicReference<String> cleanedUpWith = new AtomicReference<>();
        Uni<String> work = database.toUni()
                .onCancellation().invoke(() -> workCancelled.set(true))
                .onItem().invoke(cleanedUpWith::set); // stands for commit and the session's close

        AtomicReference<String> answered = new AtomicReference<>();
        Cancellable request = DisconnectShield.shielded(work).subscribe().with(answered::set);
        request.cancel(); // the client hung up mid-transaction
        database.onNext("committed");
        database.onComplete();

        assertFalse(workCancelled.get(), "the disconnect reached the transaction");
        assertEquals("committed", cleanedUpWith.get(), "the work ran to its end");
        assertEquals(null, answered.get(), "nobody was listening for the answer");
    }

    @Test
    void withoutTheShieldTheDisconnectCancelsTheWork() {
        UnicastProcessor<String> database = UnicastProcessor.create();
        AtomicBoolean workCancelled = new AtomicBoolean();
        Uni<String> work = database.toUni().onCancellation().invoke(() -> workCancelled.set(true));
        work.subscribe().with(item -> { }).cancel();
        assertTrue(workCancelled.get(), "what the shield is for: Mutiny propagates the cancellation");
    }

    @Test
    void aListeningClientGetsTheAnswerAndTheFailure() {
        assertEquals("ok", DisconnectShield.shielded(Uni.createFrom().item("ok")).await().indefinitely());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        DisconnectShield.shielded(Uni.createFrom().failure(new IllegalStateException("refused"))).subscribe()
                .with(item -> { }, failed::set);
        assertEquals("refused", failed.get().getMessage());
    }
}
