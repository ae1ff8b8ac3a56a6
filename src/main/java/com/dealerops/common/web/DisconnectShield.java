package com.dealerops.common.web;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/**
 * Keeps a client's disconnect from cancelling the database work of its request. Quarkus REST cancels the Uni of a
 * request whose client went away; cancelled mid-transaction, Hibernate Reactive leaves the transaction open and
 * the connection out of the pool (quarkusio/quarkus#51576, hibernate-reactive#2926, #4133). Under load every
 * client timeout then costs a connection until the pool is empty: the benchmark's quote scenario fell from 536 to
 * 7 requests a second with "idle in transaction" sessions and pool timeouts. Here the work is subscribed to by the
 * service itself, so it always finishes and cleans up; only the answer is dropped when nobody is listening.
 */
@CompletesDespiteDisconnect
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DisconnectShield {

    @AroundInvoke
    Object shield(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? shielded(work) : result;
    }

    static <T> Uni<T> shielded(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            // a future of our own: cancelling it (what a disconnect does) never reaches the work's subscription
            CompletableFuture<T> outcome = new CompletableFuture<>();
            work.subscribe().with(outcome::complete, outcome::completeExceptionally);
            return Uni.createFrom().completionStage(outcome);
        });
    }
}
