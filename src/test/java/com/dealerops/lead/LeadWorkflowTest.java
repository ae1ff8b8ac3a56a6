package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Leads.LEADS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LeadWorkflowTest {

    private static final List<String> ACTIONS = List.of("contact", "qualify", "test-drive", "quote", "win", "lose",
            "make-dormant", "reopen");
    /** The state machine as the issue states it: action -> (from -> to). */
    private static final Map<LeadStatus, Map<String, LeadStatus>> LEGAL = new EnumMap<>(LeadStatus.class);
    static {
        for (LeadStatus s : LeadStatus.values()) {
            LEGAL.put(s, new java.util.LinkedHashMap<>());
        }
        LEGAL.get(LeadStatus.NEW).put("contact", LeadStatus.CONTACTED);
        LEGAL.get(LeadStatus.CONTACTED).put("qualify", LeadStatus.QUALIFIED);
        LEGAL.get(LeadStatus.QUALIFIED).put("test-drive", LeadStatus.TEST_DRIVE);
        LEGAL.get(LeadStatus.QUALIFIED).put("quote", LeadStatus.QUOTED);
        LEGAL.get(LeadStatus.TEST_DRIVE).put("quote", LeadStatus.QUOTED);
        LEGAL.get(LeadStatus.QUOTED).put("win", LeadStatus.WON);
        for (LeadStatus open : List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
                LeadStatus.TEST_DRIVE, LeadStatus.QUOTED)) {
            LEGAL.get(open).put("lose", LeadStatus.LOST);
            LEGAL.get(open).put("make-dormant", LeadStatus.DORMANT);
        }
        LEGAL.get(LeadStatus.LOST).put("reopen", LeadStatus.CONTACTED);
        LEGAL.get(LeadStatus.DORMANT).put("reopen", LeadStatus.CONTACTED);
    }
    /** Shortest way to each status from NEW. */
    private static final Map<LeadStatus, List<String>> PATH = Map.of(
            LeadStatus.NEW, List.of(),
            LeadStatus.CONTACTED, List.of("contact"),
            LeadStatus.QUALIFIED, List.of("contact", "qualify"),
            LeadStatus.TEST_DRIVE, List.of("contact", "qualify", "test-drive"),
            LeadStatus.QUOTED, List.of("contact", "qualify", "quote"),
            LeadStatus.WON, List.of("contact", "qualify", "quote", "win"),
            LeadStatus.LOST, List.of("contact", "lose"),
            LeadStatus.DORMANT, List.of("contact", "make-dormant"));

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");

    @Test
    void everyActionFromEveryStatusIsLegalOrA409NamingTheAllowedOnes() {
        int checked = 0;
        for (LeadStatus from : LeadStatus.values()) {
            for (String action : ACTIONS) {
                String id = leadIn(from);
                Response response = perform(id, action);
                LeadStatus to = LEGAL.get(from).get(action);
                if (to != null) {
                    response.then().statusCode(200).body("status", equalTo(to.name()));
                } else {
                    List<String> allowed = new ArrayList<>(LEGAL.get(from).keySet());
                    assertProblem(response, 409, "illegal-transition")
                            .body("currentStatus", equalTo(from.name()))
                            .body("allowedActions", equalTo(allowed))
                            .body("detail", containsString(from.name()));
                    as(sales).get(LEADS + "/" + id).then().body("status", equalTo(from.name()))
                            .body("allowedActions", equalTo(allowed));
                }
                checked++;
            }
        }
        assertEquals(64, checked);
    }

    @Test
    void losingNeedsAReasonAndReopeningClearsIt() {
        String id = Leads.createNew(sales);
        assertProblem(as(sales).body(Map.of()).post(LEADS + "/" + id + "/lose"), 400, "validation-failed");
        assertProblem(as(sales).body(Map.of("reason", " ")).post(LEADS + "/" + id + "/lose"), 400,
                "validation-failed");
        as(sales).get(LEADS + "/" + id).then().body("status", equalTo("NEW"));
        as(sales).body(Map.of("reason", "买了竞品")).post(LEADS + "/" + id + "/lose").then().statusCode(200)
                .body("status", equalTo("LOST")).body("lostReason", equalTo("买了竞品"));
        // never contacted: back to NEW
        Leads.act(sales, id, "reopen").then().statusCode(200).body("status", equalTo("NEW"))
                .body("$", not(hasKey("lostReason")));
        as(sales).get(LEADS + "/" + id + "/history").then()
                .body("items.action", hasItem("STATUS_CHANGED"))
                .body("items.changes.lostReason.to", hasItem("买了竞品"));
    }

    @Test
    void reopeningIsRefusedWhileTheCustomerHasAnotherOpenLead() {
        String phone = Api.newPhone();
        String first = Leads.create(sales, Leads.walkIn("客户", phone)).then().statusCode(201).extract().path("id");
        as(sales).body(Map.of("reason", "暂不考虑")).post(LEADS + "/" + first + "/lose").then().statusCode(200);
        String second = Leads.create(sales, Leads.walkIn("客户", phone)).then().statusCode(201).extract().path("id");
        assertProblem(Leads.act(sales, first, "reopen"), 409, "customer-has-open-lead")
                .body("openLeadId", equalTo(second));
    }

    @Test
    void actionsNeedNoBodyAndNoContentType() throws Exception {
        String id = Leads.createNew(sales);
        // as a plain HTTP client sends it: no body, no Content-Type (REST Assured would add a form type)
        java.net.http.HttpResponse<String> contacted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + LEADS + "/" + id + "/contact"))
                        .header("Authorization", sales.bearer())
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, contacted.statusCode(), contacted.body());
        Leads.act(sales, id, "make-dormant").then().statusCode(200); // REST Assured: form type, empty body
        Leads.act(sales, id, "reopen").then().statusCode(200).body("status", equalTo("CONTACTED"));
        as(sales).body(Map.of("note", "预算30万")).post(LEADS + "/" + id + "/qualify").then().statusCode(200);
        as(sales).get(LEADS + "/" + id + "/history").then().body("items.changes.note.to", hasItem("预算30万"));
    }

    @Test
    void anActionRetriedWithItsIdempotencyKeyIsAnsweredOnceAndRevalidationGives304() {
        String id = Leads.createNew(sales);
        String key = UUID.randomUUID().toString();
        Response first = as(sales).header("Idempotency-Key", key).post(LEADS + "/" + id + "/contact");
        first.then().statusCode(200).body("status", equalTo("CONTACTED")).header("ETag", equalTo("\"1\""));
        Response again = as(sales).header("Idempotency-Key", key).post(LEADS + "/" + id + "/contact");
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), again.asString());
        // without the key, the same action on the moved lead is an illegal transition
        assertProblem(Leads.act(sales, id, "contact"), 409, "illegal-transition");
        as(sales).header("If-None-Match", "\"1\"").get(LEADS + "/" + id).then().statusCode(304);
    }

    @Test
    void concurrentActionsWithoutIfMatchGiveOneSuccessAndConflictsNot412s() throws Exception {
        String id = Leads.createNew(sales);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<Integer>> contacts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                contacts.add(() -> Leads.act(sales, id, "contact").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(contacts)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        as(sales).get(LEADS + "/" + id).then().body("status", equalTo("CONTACTED")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void staleIfMatchIs412AndAStaleActionChangesNothing() {
        String id = Leads.createNew(sales);
        assertProblem(as(sales).header("If-Match", "\"7\"").post(LEADS + "/" + id + "/contact"), 412,
                "stale-version");
        as(sales).header("If-Match", "\"0\"").post(LEADS + "/" + id + "/contact").then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void aCallOnANewLeadIsTheFirstContact() {
        String id = Leads.createNew(sales);
        as(sales).body(Map.of("kind", "NOTE", "notes", "客户在看展车")).post(LEADS + "/" + id + "/activities")
                .then().statusCode(201);
        as(sales).get(LEADS + "/" + id).then().body("status", equalTo("NEW"));
        as(sales).body(Map.of("kind", "CALL", "channel", "PHONE", "outcome", "APPOINTMENT_SET", "notes", "周六来店"))
                .post(LEADS + "/" + id + "/activities").then().statusCode(201)
                .body("kind", equalTo("CALL")).body("staffId", equalTo(sales.id().toString()));
        as(sales).get(LEADS + "/" + id).then()
                .body("status", equalTo("CONTACTED"))
                .body("firstContactAt", notNullValue())
                .body("firstResponseSeconds", greaterThanOrEqualTo(0));
        as(sales).get(LEADS + "/" + id + "/activities").then().body("items.kind", equalTo(List.of("CALL", "NOTE")));
        assertProblem(as(sales).body(Map.of("kind", "INTEREST")).post(LEADS + "/" + id + "/activities"), 400,
                "validation-failed");
        assertProblem(as(sales).body(Map.of("kind", "CALL", "occurredAt", "2999-01-01T00:00:00+08:00"))
                .post(LEADS + "/" + id + "/activities"), 400, "validation-failed");
        Tokens.Staff other = Tokens.staff(dealer, "sales");
        assertProblem(as(other).body(Map.of("kind", "NOTE")).post(LEADS + "/" + id + "/activities"), 404,
                "not-found");
    }

    @Test
    void aNewTimeframeRecomputesTheGradeAndAManagersOverrideWins() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String id = Leads.createNew(sales);
        as(sales).get(LEADS + "/" + id).then().body("grade", equalTo("C"));
        as(sales).header("If-Match", "\"0\"").contentType(Api.MERGE_PATCH)
                .body(Map.of("timeframe", Map.of("latest", today.plusDays(5).toString())))
                .patch(LEADS + "/" + id).then().statusCode(200).body("grade", equalTo("H"));
        assertProblem(as(sales).body(Map.of("grade", "C", "reason", "x")).post(LEADS + "/" + id + "/grade-override"),
                403, "forbidden");
        as(manager).body(Map.of("grade", "B", "reason", "预算不足")).post(LEADS + "/" + id + "/grade-override")
                .then().statusCode(200).body("grade", equalTo("B")).body("computedGrade", equalTo("H"))
                .body("gradeOverride.reason", equalTo("预算不足"));
        assertProblem(as(manager).body(Map.of("grade", "B")).post(LEADS + "/" + id + "/grade-override"), 400,
                "validation-failed");
        as(sales).header("If-Match", "\"2\"").contentType(Api.MERGE_PATCH)
                .body(Map.of("timeframe", Map.of("latest", today.plusDays(20).toString())))
                .patch(LEADS + "/" + id).then().statusCode(200).body("grade", equalTo("B"))
                .body("computedGrade", equalTo("B"));
        as(manager).delete(LEADS + "/" + id + "/grade-override").then().statusCode(200)
                .body("grade", equalTo("B")).body("$", not(hasKey("gradeOverride")));
        as(sales).get(LEADS + "/" + id + "/history").then()
                .body("items.action", hasItem("GRADE_OVERRIDDEN"))
                .body("items.action", hasItem("GRADE_OVERRIDE_CLEARED"));
        assertProblem(as(sales).contentType(Api.MERGE_PATCH).body(Map.of("comments", "x")).patch(LEADS + "/" + id),
                428, "precondition-required");
        assertProblem(as(sales).header("If-Match", "\"4\"").contentType(Api.MERGE_PATCH)
                .body(Map.of("status", "WON")).patch(LEADS + "/" + id), 400, "validation-failed");
    }

    private String leadIn(LeadStatus status) {
        String id = Leads.createNew(sales);
        for (String step : PATH.get(status)) {
            perform(id, step).then().statusCode(200);
        }
        return id;
    }

    private Response perform(String id, String action) {
        if (action.equals("lose")) {
            return as(sales).body(Map.of("reason", "测试")).post(LEADS + "/" + id + "/lose");
        }
        return Leads.act(sales, id, action);
    }

}
