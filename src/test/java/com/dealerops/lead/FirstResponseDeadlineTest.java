package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.TestClock;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FirstResponseDeadlineTest {

    @Inject
    FirstResponseDeadlines deadlines;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private TestClock clock;

    @BeforeEach
    void controlTheClock() {
        clock = new TestClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aLeadNotContactedInTimeGoesBackToThePoolOnceEvenWithTwoInstancesChecking() throws Exception {
        Leads.onDuty(sales, true);
        String missed = Leads.createNew(sales);
        String routed = Leads.create(Tokens.staff(dealer, "integration"), Leads.walkIn("客户", Api.newPhone()))
                .then().statusCode(201).extract().path("id");
        as(manager).get(LEADS + "/" + routed).then().body("assigneeId", equalTo(sales.id().toString()));
        String contacted = Leads.createNew(sales);
        Leads.act(sales, contacted, "contact").then().statusCode(200);

        clock.advance(Duration.ofMinutes(14));
        deadlines.expireOverdue().subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        as(sales).get(LEADS + "/" + missed).then().body("assigneeId", equalTo(sales.id().toString()));

        clock.advance(Duration.ofMinutes(2));
        // two service instances running the check at the same moment
        CompletableFuture<Integer> one = deadlines.expireOverdue().subscribeAsCompletionStage();
        CompletableFuture<Integer> two = deadlines.expireOverdue().subscribeAsCompletionStage();
        one.get(10, TimeUnit.SECONDS);
        two.get(10, TimeUnit.SECONDS);

        for (String id : List.of(missed, routed)) {
            as(manager).get(LEADS + "/" + id).then().statusCode(200)
                    .body("status", equalTo("NEW"))
                    .body("$", not(hasKey("assigneeId")))
                    .body("responseMissedAt", notNullValue())
                    .header("ETag", equalTo("\"1\""));
            List<String> events = as(manager).get(LEADS + "/" + id + "/history").path(
                    "items.findAll { it.action == 'FIRST_RESPONSE_MISSED' }.action");
            assertEquals(1, events.size(), "processed once");
        }
        as(manager).get(LEADS + "/" + contacted).then().body("assigneeId", equalTo(sales.id().toString()))
                .body("$", not(hasKey("responseMissedAt")));
        List<Map<String, Object>> overdue = as(manager).get(LEADS + "/overdue").then().statusCode(200)
                .extract().path("items");
        assertEquals(2, overdue.size());
        for (Map<String, Object> row : overdue) {
            assertEquals(sales.id().toString(), row.get("assigneeId"));
            assertEquals(sales.name(), row.get("assigneeName"));
            assertEquals("客户", row.get("customerName"));
        }
        as(manager).get(LEADS + "/overdue").then().body("items.leadId", hasItem(missed)).body("items.leadId",
                hasItem(routed));
        // the salesperson no longer sees it as theirs, but in the pool, and may claim it back
        as(sales).queryParam("assignee", "none").get(LEADS).then().body("items.id", hasItem(missed));
        Leads.act(sales, missed, "claim").then().statusCode(200);

        clock.advance(Duration.ofHours(1));
        deadlines.expireOverdue().subscribeAsCompletionStage().get(10, TimeUnit.SECONDS);
        as(manager).get(LEADS + "/overdue").then().body("items.size()", equalTo(2));
        as(manager).get(LEADS + "/" + missed).then().body("assigneeId", equalTo(sales.id().toString()));
        io.restassured.RestAssured.given().header("Authorization", sales.bearer()).get(LEADS + "/overdue").then()
                .statusCode(403);
    }

    @Test
    void theDeadlineComesFromTheDealersSetting() {
        Tokens.Staff admin = Tokens.staff(dealer, "admin");
        Map<String, Object> leads = as(manager).get("/api/v1/settings/leads").then().statusCode(200).extract()
                .as(Map.class);
        leads.put("firstResponseMinutes", 60);
        as(manager).header("If-Match", "\"0\"").body(leads).put("/api/v1/settings/leads").then().statusCode(200);
        String id = Leads.createNew(sales);
        clock.advance(Duration.ofMinutes(30));
        deadlines.expireOverdue().subscribeAsCompletionStage().join();
        as(sales).get(LEADS + "/" + id).then().body("assigneeId", equalTo(sales.id().toString()));
        clock.advance(Duration.ofMinutes(31));
        deadlines.expireOverdue().subscribeAsCompletionStage().join();
        as(manager).get(LEADS + "/" + id).then().body("$", not(hasKey("assigneeId")));
        as(admin).get("/api/v1/me/identity").then().statusCode(200);
    }

    @Test
    void aLeadAnotherInstanceIsProcessingIsSkippedNotWaitedFor() throws Exception {
        String id = Leads.createNew(sales);
        clock.advance(Duration.ofMinutes(16));
        // another instance holds the lead (as its own check would, between claiming and committing)
        io.vertx.mutiny.sqlclient.SqlConnection other = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            other.query("BEGIN").execute().await().atMost(Duration.ofSeconds(5));
            other.preparedQuery("SELECT id FROM lead WHERE id = $1 FOR UPDATE")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id)))
                    .await().atMost(Duration.ofSeconds(5));
            // a check that waited for the lock would not finish within the timeout
            deadlines.expireOverdue().subscribeAsCompletionStage().get(5, TimeUnit.SECONDS);
            as(manager).get(LEADS + "/" + id).then().body("assigneeId", equalTo(sales.id().toString()));
        } finally {
            other.query("ROLLBACK").execute().await().atMost(Duration.ofSeconds(5));
            other.close().await().atMost(Duration.ofSeconds(5));
        }
        deadlines.expireOverdue().subscribeAsCompletionStage().get(5, TimeUnit.SECONDS);
        as(manager).get(LEADS + "/" + id).then().body("$", not(hasKey("assigneeId")));
    }

    @Test
    void reopeningANeverContactedLeadGivesItAFreshDeadline() {
        String id = Leads.createNew(sales);
        Leads.act(sales, id, "make-dormant").then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        deadlines.expireOverdue().subscribeAsCompletionStage().join();
        String due = Leads.act(sales, id, "reopen").then().statusCode(200).body("status", equalTo("NEW"))
                .extract().path("responseDueAt");
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                java.time.OffsetDateTime.parse(due).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        deadlines.expireOverdue().subscribeAsCompletionStage().join();
        as(manager).get(LEADS + "/" + id).then().body("assigneeId", equalTo(sales.id().toString()));
        clock.advance(Duration.ofMinutes(16));
        deadlines.expireOverdue().subscribeAsCompletionStage().join();
        as(manager).get(LEADS + "/" + id).then().body("$", not(hasKey("assigneeId")));
    }
}
