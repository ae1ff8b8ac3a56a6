package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Two tablets editing one customer from the same version: one wins, the other is told, nothing is lost. */
@QuarkusTest
class ConcurrentWritesTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(10);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void twoUpdatesWithTheSameIfMatchOneWinsOneGets412() {
        Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
        String id = Api.createCustomer(sales);
        String path = CUSTOMERS + "/" + id;
        for (int round = 0; round < 5; round++) {
            int version = as(sales).get(path).then().extract().path("version");
            String city = "城市" + round;
            String notes = "备注" + round;
            List<Response> responses = race(
                    () -> as(sales).header("If-Match", "\"" + version + "\"").contentType(Api.MERGE_PATCH)
                            .body(Map.of("city", city)).patch(path),
                    () -> as(sales).header("If-Match", "\"" + version + "\"").contentType(Api.MERGE_PATCH)
                            .body(Map.of("notes", notes)).patch(path));
            List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 412), statuses, "round " + round);
            Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            // what the winner saw is what is stored, at the next version
            as(sales).get(path).then().body("version", equalTo(version + 1))
                    .body("city", equalTo(winner.path("city")))
                    .body("notes", equalTo(winner.path("notes")));
        }
    }

    @SafeVarargs
    private List<Response> race(Supplier<Response>... requests) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (Supplier<Response> request : requests) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request.get();
            }, pool));
        }
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
