package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Retries with the same Idempotency-Key never create a second row and always get the first answer. */
@QuarkusTest
class IdempotencyTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(10);
    private final Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void tenConcurrentPostsWithOneKeyMakeOneRowAndIdenticalResponses() {
        String key = UUID.randomUUID().toString();
        String phone = Api.newPhone();
        Map<String, Object> body = Api.customer("王芳", phone);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return as(sales).header("Idempotency-Key", key).body(body).post(CUSTOMERS);
            }, pool));
        }
        start.countDown();
        List<Response> responses = futures.stream().map(CompletableFuture::join).toList();

        assertEquals(Set.of(201), responses.stream().map(Response::statusCode).collect(Collectors.toSet()));
        assertEquals(1, responses.stream().map(Response::asString).distinct().count(), "identical bodies");
        assertEquals(1, responses.stream().map(r -> r.header("Location")).distinct().count());
        assertEquals(1, responses.stream().map(r -> r.header("ETag")).distinct().count());
        assertEquals(9, responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        as(sales).queryParam("phone", phone).get(CUSTOMERS).then().body("items", hasSize(1));
    }

    @Test
    void manyConcurrentReplaysDoNotStarveTheConnectionPool() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.customer("王芳", Api.newPhone());
        as(sales).header("Idempotency-Key", key).body(body).post(CUSTOMERS).then().statusCode(201);
        // more replays at once than the pool has connections (20): each must finish on one connection
        ExecutorService many = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return as(sales).header("Idempotency-Key", key).body(body).post(CUSTOMERS);
                }, many));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Response> responses = futures.stream().map(CompletableFuture::join).toList();
            assertEquals(Set.of(201), responses.stream().map(Response::statusCode).collect(Collectors.toSet()));
            long millis = (System.nanoTime() - began) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(millis < 2500, "40 replays took " + millis + " ms");
        } finally {
            many.shutdownNow();
        }
    }

    @Test
    void aLaterRepeatGetsTheFirstResponseEvenAfterTheCustomerChanged() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.customer("王芳", Api.newPhone());
        Response first = as(sales).header("Idempotency-Key", key).body(body).post(CUSTOMERS);
        first.then().statusCode(201);
        as(sales).header("If-Match", "\"0\"").contentType(Api.MERGE_PATCH).body(Map.of("city", "杭州"))
                .patch(CUSTOMERS + "/" + first.path("id")).then().statusCode(200);
        Response again = as(sales).header("Idempotency-Key", key).body(body).post(CUSTOMERS);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), again.asString());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        as(sales).header("Idempotency-Key", key).body(Api.customer("王芳", Api.newPhone())).post(CUSTOMERS)
                .then().statusCode(201);
        String otherPhone = Api.newPhone();
        assertProblem(as(sales).header("Idempotency-Key", key).body(Api.customer("李娜", otherPhone))
                .post(CUSTOMERS), 422, "idempotency-key-reused");
        as(sales).queryParam("phone", otherPhone).get(CUSTOMERS).then().body("items", hasSize(0));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Tokens.Staff colleague = Tokens.staff(sales.dealerId(), "sales");
        as(sales).header("Idempotency-Key", key).body(Api.customer("王芳", Api.newPhone())).post(CUSTOMERS)
                .then().statusCode(201);
        as(colleague).header("Idempotency-Key", key).body(Api.customer("李娜", Api.newPhone())).post(CUSTOMERS)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aFailedRequestStoresNothingSoItsKeyCanBeRetried() {
        String key = UUID.randomUUID().toString();
        String phone = Api.newPhone();
        String taken = Api.createCustomer(sales, Api.customer("先来的", phone)).path("id");
        assertProblem(as(sales).header("Idempotency-Key", key).body(Api.customer("王芳", phone)).post(CUSTOMERS),
                409, "duplicate-phone").body("existingCustomerId", equalTo(taken));
        as(Tokens.staff(sales.dealerId(), "sales-manager")).header("If-Match", "\"0\"").delete(CUSTOMERS + "/" + taken).then().statusCode(204);
        as(sales).header("Idempotency-Key", key).body(Api.customer("王芳", phone)).post(CUSTOMERS)
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }
}
