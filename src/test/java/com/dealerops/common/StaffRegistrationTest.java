package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A staff member is known to the service from their first valid request, with the name and roles of the token. */
@QuarkusTest
class StaffRegistrationTest {

    @Inject
    Pool pool;

    @Test
    void theFirstRequestRecordsTheStaffMemberAndTheirDealer() {
        UUID dealer = Tokens.newDealer();
        String subject = "idp|li.wei-" + UUID.randomUUID();
        String token = Tokens.claims(dealer, subject, "李伟", "sales", "sales-manager").claim("dealer_name", "杭州西湖店")
                .sign();
        given().auth().oauth2(token).get(CUSTOMERS).then().statusCode(200);

        Row staff = row("SELECT s.id, s.name, s.roles, d.name AS dealer_name FROM staff s JOIN dealer d "
                + "ON d.id = s.dealer_id WHERE s.dealer_id = $1 AND s.subject = $2", dealer, subject);
        assertEquals("李伟", staff.getString("name"));
        assertArrayEquals(new String[] { "sales", "sales-manager" }, staff.getArrayOfStrings("roles"));
        assertEquals("杭州西湖店", staff.getString("dealer_name"));
        // not a UUID: the id is derived from the subject, the same way every time
        assertEquals(UUID.nameUUIDFromBytes(("staff:" + subject).getBytes()), staff.getUUID("id"));

        String renamed = Tokens.claims(dealer, subject, "李伟（店长）", "sales-manager").sign();
        given().auth().oauth2(renamed).get(CUSTOMERS).then().statusCode(200);
        Row updated = row("SELECT name, roles, version FROM staff WHERE dealer_id = $1 AND subject = $2", dealer,
                subject);
        assertEquals("李伟（店长）", updated.getString("name"));
        assertArrayEquals(new String[] { "sales-manager" }, updated.getArrayOfStrings("roles"));
        assertEquals(1L, updated.getLong("version"));
    }

    @Test
    void manyFirstRequestsAtOnceFromANewDealerAllSucceed() {
        UUID dealer = Tokens.newDealer();
        String token = Tokens.claims(dealer, "idp|racer-" + UUID.randomUUID(), "并发", "sales").sign();
        java.util.List<java.util.concurrent.CompletableFuture<Integer>> requests = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 20; i++) {
                requests.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return given().auth().oauth2(token).get(CUSTOMERS).statusCode();
                }, pool));
            }
            start.countDown();
            assertEquals(java.util.Collections.nCopies(20, 200), requests.stream()
                    .map(java.util.concurrent.CompletableFuture::join).toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, row("SELECT count(*) AS n FROM staff WHERE dealer_id = $1", dealer).getLong("n"));
    }

    private Row row(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(5))
                .iterator().next();
    }
}
