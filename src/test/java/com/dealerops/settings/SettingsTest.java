package com.dealerops.settings;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class SettingsTest {

    private static final String SETTINGS = "/api/v1/settings";

    @Inject
    Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff admin = Tokens.staff(dealer, "admin");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");

    @Test
    void aNewDealerGetsTheDefaults() {
        as(sales).get(SETTINGS).then().statusCode(200)
                .body("general.timeZone", equalTo("Asia/Shanghai"))
                .body("general.currency", equalTo("CNY"))
                .body("general.openingHours", hasSize(7))
                .body("leads.firstResponseMinutes", equalTo(15))
                .body("leads.followUpIntervalDays.H", equalTo(2))
                .body("leads.followUpIntervalDays.C", equalTo(15))
                .body("'test-drives'.maxDurationMinutes", equalTo(180))
                .body("quotes.salesDiscountLimitPercent", equalTo("3.00"))
                .body("quotes.compensationApprovalThreshold.amount", equalTo("2000.00"))
                .body("deliveries.pdiChecklist.code", hasItem("TYRES"))
                .body("deliveries.followUpPlan.dayOffset", contains(1, 7, 30))
                .body("'follow-ups'.survey.scaleMax", equalTo(5))
                .body("complaints.critical.acknowledgeHours", equalTo(1))
                .body("complaints.medium.resolveWorkingDays", equalTo(5))
                .body("versions.leads", equalTo(0));
        as(sales).get(SETTINGS + "/leads").then().statusCode(200).header("ETag", "\"0\"")
                .body("autoRouting", equalTo(true));
        as(sales).header("If-None-Match", "\"0\"").get(SETTINGS + "/leads").then().statusCode(304);
    }

    @Test
    void whoMayReadAndWriteWhichSection() {
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String role : List.of("sales", "sales-manager", "after-sales", "customer-service", "finance", "admin",
                "integration")) {
            Tokens.Staff caller = Tokens.staff(Tokens.newDealer(), role);
            Map<String, Object> general = as(admin).get(SETTINGS + "/general").then().extract().as(Map.class);
            Map<String, Object> leads = as(admin).get(SETTINGS + "/leads").then().extract().as(Map.class);
            actual.put(role, List.of(
                    as(caller).get(SETTINGS).statusCode(),
                    as(caller).get(SETTINGS + "/quotes").statusCode(),
                    as(caller).header("If-Match", "\"0\"").body(general).put(SETTINGS + "/general").statusCode(),
                    as(caller).header("If-Match", "\"0\"").body(leads).put(SETTINGS + "/leads").statusCode(),
                    as(caller).get(SETTINGS + "/leads/history").statusCode()));
        }
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        //                 read all, read one, put general, put leads, history
        expected.put("sales", List.of(200, 200, 403, 403, 403));
        expected.put("sales-manager", List.of(200, 200, 403, 200, 200));
        expected.put("after-sales", List.of(200, 200, 403, 403, 403));
        expected.put("customer-service", List.of(200, 200, 403, 403, 403));
        expected.put("finance", List.of(200, 200, 403, 403, 403));
        expected.put("admin", List.of(200, 200, 200, 200, 200));
        expected.put("integration", List.of(403, 403, 403, 403, 403));
        assertEquals(expected.toString().replace("], ", "],\n"), actual.toString().replace("], ", "],\n"));
    }

    @Test
    void everySectionRejectsOutOfRangeValuesNamingTheField() {
        assertInvalid("leads", "firstResponseMinutes", 0, "firstResponseMinutes", "must be between 1 and 1440");
        assertInvalid("leads", "firstResponseMinutes", "soon", "firstResponseMinutes", null);
        assertInvalid("general", "timeZone", "Mars/Olympus", "timeZone", "must be an IANA time zone such as Asia/Shanghai");
        assertInvalid("general", "currency", "XYZ", "currency", null);
        assertInvalid("general", "openingHours", List.of(Map.of("day", "MONDAY", "opens", "18:00", "closes", "09:00")),
                "openingHours[0].closes", "must be after opens");
        assertInvalid("test-drives", Map.of("minDurationMinutes", 120, "maxDurationMinutes", 60), "maxDurationMinutes",
                "must be at least minDurationMinutes (120)");
        assertInvalid("test-drives", "minDurationMinutes", 10, "minDurationMinutes", "must be between 15 and 480");
        assertInvalid("quotes", "salesDiscountLimitPercent", "150.00", "salesDiscountLimitPercent", null);
        assertInvalid("quotes", "validityDays", 0, "validityDays", "must be between 1 and 90");
        assertInvalid("deliveries", "pdiChecklist", List.of(
                Map.of("code", "TYRES", "labelZh", "轮胎", "labelEn", "Tyres"),
                Map.of("code", "TYRES", "labelZh", "轮胎", "labelEn", "Tyres")), "pdiChecklist[1]", "is listed twice");
        assertInvalid("deliveries", "pdiChecklist", List.of(Map.of("code", "tyres", "labelZh", "轮胎", "labelEn", "x")),
                "pdiChecklist[0].code", null);
        assertInvalid("follow-ups", "lowScoreThreshold", 5, "lowScoreThreshold", "must be below survey.scaleMax (5)");
        assertInvalid("follow-ups", "npsLowThreshold", 11, "npsLowThreshold", "must be between 0 and 10");
        assertInvalid("complaints", "critical", Map.of("acknowledgeHours", 1, "resolveHours", 24,
                "resolveWorkingDays", 1), "critical", "set exactly one of resolveHours and resolveWorkingDays");
        assertInvalid("complaints", "secondEscalationAfterHours", 0, "secondEscalationAfterHours", null);
        // unknown and missing fields
        assertInvalid("leads", "autoRoute", true, "autoRoute", "unknown field");
        Map<String, Object> leads = as(admin).get(SETTINGS + "/leads").then().extract().as(Map.class);
        leads.remove("autoRouting");
        assertProblem(as(admin).header("If-Match", "\"0\"").body(leads).put(SETTINGS + "/leads"), 400,
                "validation-failed").body("errors.field", hasItem("autoRouting"));
        as(admin).get(SETTINGS).then().body("versions.leads", equalTo(0)).body("versions.general", equalTo(0));
    }

    @Test
    void concurrentEditsOfOneSectionLetOneWin() throws Exception {
        Map<String, Object> leads = as(manager).get(SETTINGS + "/leads").then().extract().as(Map.class);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (int minutes : new int[] { 10, 20 }) {
            Map<String, Object> body = new LinkedHashMap<>(leads);
            body.put("firstResponseMinutes", minutes);
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return as(minutes == 10 ? manager : admin).header("If-Match", "\"0\"").body(body)
                        .put(SETTINGS + "/leads");
            }));
        }
        start.countDown();
        List<Integer> statuses = futures.stream().map(CompletableFuture::join).map(Response::statusCode).sorted()
                .toList();
        assertEquals(List.of(200, 412), statuses);
        Response winner = futures.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)
                .findFirst().orElseThrow();
        as(sales).get(SETTINGS + "/leads").then().header("ETag", "\"1\"")
                .body("firstResponseMinutes", equalTo(winner.path("firstResponseMinutes")));
        // the stale writer is refused later too, and another section is not affected
        leads.put("firstResponseMinutes", 30);
        assertProblem(as(admin).header("If-Match", "\"0\"").body(leads).put(SETTINGS + "/leads"), 412,
                "stale-version");
        assertProblem(as(admin).body(leads).put(SETTINGS + "/leads"), 428, "precondition-required");
        Map<String, Object> quotes = as(manager).get(SETTINGS + "/quotes").then().extract().as(Map.class);
        as(manager).header("If-Match", "\"0\"").body(quotes).put(SETTINGS + "/quotes").then().statusCode(200);
    }

    @Test
    void everyChangeIsInTheHistoryWithOldAndNewValues() {
        Map<String, Object> leads = as(manager).get(SETTINGS + "/leads").then().extract().as(Map.class);
        leads.put("firstResponseMinutes", 10);
        as(manager).header("If-Match", "\"0\"").body(leads).put(SETTINGS + "/leads").then().statusCode(200)
                .header("ETag", "\"1\"");
        leads.put("followUpIntervalDays", Map.of("H", 1, "A", 5, "B", 7, "C", 15));
        as(admin).header("If-Match", "\"1\"").body(leads).put(SETTINGS + "/leads").then().statusCode(200);
        as(admin).get(SETTINGS + "/leads/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].actor.id", equalTo(manager.id().toString()))
                .body("items[0].changes.firstResponseMinutes.from", equalTo(15))
                .body("items[0].changes.firstResponseMinutes.to", equalTo(10))
                .body("items[1].actor.id", equalTo(admin.id().toString()))
                .body("items[1].changes.followUpIntervalDays.from.H", equalTo(2))
                .body("items[1].changes.followUpIntervalDays.to.H", equalTo(1));
        assertProblem(as(admin).get(SETTINGS + "/pricing/history"), 404, "not-found");
    }

    @Test
    void theDatabaseRefusesOutOfRangeRulesEvenWithoutTheService() {
        as(admin).get(SETTINGS).then().statusCode(200); // the dealer and admin exist
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> pool
                .preparedQuery("INSERT INTO dealer_settings (dealer_id, section, settings, updated_at) VALUES "
                        + "($1, 'leads', '{\"firstResponseMinutes\": 0, \"followUpIntervalDays\": "
                        + "{\"H\":2,\"A\":5,\"B\":7,\"C\":15}, \"autoRouting\": true}', now())")
                .execute(Tuple.of(dealer)).await().atMost(Duration.ofSeconds(5)));
        assertTrue(failure.getMessage().contains("check constraint"), failure.getMessage());
    }

    private void assertInvalid(String section, String field, Object value, String errorField, String message) {
        assertInvalid(section, Map.of(field, value), errorField, message);
    }

    private void assertInvalid(String section, Map<String, Object> changes, String errorField, String message) {
        Map<String, Object> body = as(admin).get(SETTINGS + "/" + section).then().extract().as(Map.class);
        body.putAll(changes);
        var problem = assertProblem(as(admin).header("If-Match", "\"0\"").body(body).put(SETTINGS + "/" + section),
                400, "validation-failed").body("errors.field", hasItem(errorField));
        if (message != null) {
            problem.body("errors.find { it.field == '" + errorField + "' }.message", equalTo(message));
        }
    }
}
