package com.dealerops.followup;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Deliveries.DELIVERIES;
import static com.dealerops.support.Deliveries.FOLLOW_UPS;
import static com.dealerops.support.Deliveries.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Deliveries;
import com.dealerops.support.Leads;
import com.dealerops.support.TestClock;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FollowUpTest {

    @Inject
    LeadNurture nurture;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff service = Tokens.staff(dealer, "customer-service");
    private final Tokens.Staff otherService = Tokens.staff(dealer, "customer-service");
    private TestClock clock;

    @BeforeEach
    void controlTheClock() {
        clock = new TestClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aPhoneSyncingLaterNeverRecordsTwiceAndMeetsAColleaguesResultAsA409() throws Exception {
        String customer = consentingCustomer();
        String followUp = schedule(service, customer, "SURVEY", in(Duration.ofHours(1)));
        as(otherService).get("/api/v1/me/identity").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> result = result("DONE", in(Duration.ZERO), "客户满意");
        Response recorded = as(service).header("Idempotency-Key", key).body(result)
                .post(FOLLOW_UPS + "/" + followUp + "/result");
        recorded.then().statusCode(201).body("status", equalTo("DONE")).body("result.id", equalTo(result.get("id")))
                .body("result.lateMinutes", equalTo(0)).body("result.lowScore", equalTo(false))
                .body("assigneeId", equalTo(service.id().toString()));
        // the phone lost the answer and sends again: with the same key, and later with a new key
        as(service).header("Idempotency-Key", key).body(result).post(FOLLOW_UPS + "/" + followUp + "/result").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("result.id", equalTo(result.get("id")));
        as(service).header("Idempotency-Key", UUID.randomUUID().toString()).body(result)
                .post(FOLLOW_UPS + "/" + followUp + "/result").then().statusCode(200)
                .body("result.id", equalTo(result.get("id")));
        // a colleague's phone had recorded its own result offline
        Map<String, Object> theirs = result("DONE", in(Duration.ofMinutes(-2)), "已电话回访");
        assertProblem(as(otherService).body(theirs).post(FOLLOW_UPS + "/" + followUp + "/result"), 409,
                "follow-up-closed").body("currentStatus", equalTo("DONE"))
                .body("result.id", equalTo(result.get("id"))).body("result.outcome", equalTo("客户满意"));
        // the result's id belongs to that follow-up only
        String another = schedule(service, customer, "SURVEY", in(Duration.ofHours(2)));
        assertProblem(as(service).body(result).post(FOLLOW_UPS + "/" + another + "/result"), 409, "id-taken");
        as(service).get(FOLLOW_UPS + "/" + followUp + "/history").then()
                .body("items.action", contains("CREATED", "RESULT_RECORDED"));

        // two phones syncing different results for one follow-up at the same moment: one wins, one gets a 409
        String raced = schedule(service, customer, "SURVEY", in(Duration.ofHours(3)));
        List<Callable<Response>> phones = new ArrayList<>();
        for (Tokens.Staff phone : List.of(service, otherService)) {
            Map<String, Object> body = result("MISSED", in(Duration.ZERO), "无人接听");
            phones.add(() -> as(phone).body(body).post(FOLLOW_UPS + "/" + raced + "/result"));
        }
        List<Integer> statuses = runAll(phones).stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(201, 409), statuses);
    }

    @Test
    void aLateResultKeepsItsLatenessAndOverdueWorkShowsForManagers() {
        String customer = consentingCustomer();
        String mine = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(10)));
        String queued = schedule(service, customer, "SURVEY", in(Duration.ofMinutes(10)));
        clock.advance(Duration.ofHours(3));
        as(sales).body(result("DONE", in(Duration.ZERO), "客户已回复")).post(FOLLOW_UPS + "/" + mine + "/result").then()
                .statusCode(201).body("result.lateMinutes", equalTo(170));
        // the dealer's tolerance is 24 hours: not yet overdue
        as(manager).get(FOLLOW_UPS + "?overdue=true&customerId=" + customer).then().body("items", empty());
        clock.advance(Duration.ofHours(22));
        as(manager).get(FOLLOW_UPS + "?overdue=true&customerId=" + customer).then().statusCode(200)
                .body("items.id", contains(queued)).body("items[0].overdue", equalTo(true));
        as(service).get(FOLLOW_UPS + "?overdue=true&customerId=" + customer).then().body("items.id", contains(queued));
        // salespeople see their own, which is done
        as(sales).get(FOLLOW_UPS + "?overdue=true").then().body("items", empty());
        as(sales).get(FOLLOW_UPS + "/" + queued).then().statusCode(404);
        assertProblem(as(sales).get(FOLLOW_UPS + "?overdue=maybe"), 400, "validation-failed");
    }

    @Test
    void aLowScoreOpensACareCallbackForCustomerService() {
        String customer = consentingCustomer();
        String survey = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        Map<String, Object> body = result("DONE", in(Duration.ZERO), "交车等待时间长");
        body.put("satisfaction", Map.of("answers", List.of(answer("SALES_CONSULTANT", 5),
                answer("DELIVERY_PROCESS", 2), answer("VEHICLE", 4)), "nps", 8));
        as(sales).body(body).post(FOLLOW_UPS + "/" + survey + "/result").then().statusCode(201)
                .body("result.lowScore", equalTo(true)).body("result.satisfaction.nps", equalTo(8))
                .body("result.satisfaction.answers.question", contains("SALES_CONSULTANT", "DELIVERY_PROCESS",
                        "VEHICLE"));
        Response callbacks = as(service).get(FOLLOW_UPS + "?originId=" + survey);
        callbacks.then().statusCode(200).body("items", hasSize(1)).body("items[0].kind", equalTo("CARE_CALLBACK"))
                .body("items[0].team", equalTo("CUSTOMER_SERVICE")).body("items[0].assigneeId", nullValue())
                .body("items[0].purpose", equalTo("低分回访 / Low score: DELIVERY_PROCESS=2"));
        as(service).get(FOLLOW_UPS + "?assignee=none&kind=CARE_CALLBACK").then()
                .body("items.id", hasItem((String) callbacks.path("items[0].id")));
        as(sales).get(FOLLOW_UPS + "/" + survey + "/history").then()
                .body("items.action", contains("CREATED", "RESULT_RECORDED", "LOW_SCORE"))
                .body("items[2].changes.careCallbackId.to", equalTo(callbacks.path("items[0].id")));

        // an NPS of 6 alone is low; 3 on every question and an NPS of 7 are not
        String npsOnly = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        Map<String, Object> detractor = result("DONE", in(Duration.ZERO), "一般");
        detractor.put("satisfaction", Map.of("nps", 6));
        as(sales).body(detractor).post(FOLLOW_UPS + "/" + npsOnly + "/result").then()
                .body("result.lowScore", equalTo(true));
        String fine = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        Map<String, Object> passive = result("DONE", in(Duration.ZERO), "还行");
        passive.put("satisfaction", Map.of("answers", List.of(answer("VEHICLE", 3)), "nps", 7));
        as(sales).body(passive).post(FOLLOW_UPS + "/" + fine + "/result").then().body("result.lowScore", equalTo(false));
        as(service).get(FOLLOW_UPS + "?originId=" + fine).then().body("items", empty());

        // asked for, a low score also registers a complaint for customer service; without one it is refused
        String unhappy = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        Map<String, Object> complaining = result("DONE", in(Duration.ZERO), "交车等待三小时");
        complaining.put("satisfaction", Map.of("nps", 2));
        complaining.put("openComplaint", true);
        String passiveId = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        Map<String, Object> notLow = result("DONE", in(Duration.ZERO), "还行");
        notLow.put("satisfaction", Map.of("nps", 8));
        notLow.put("openComplaint", true);
        assertProblem(as(sales).body(notLow).post(FOLLOW_UPS + "/" + passiveId + "/result"), 400,
                "validation-failed");
        as(sales).body(complaining).post(FOLLOW_UPS + "/" + unhappy + "/result").then().statusCode(201);
        String complaint = as(sales).get(FOLLOW_UPS + "/" + unhappy + "/history")
                .path("items[2].changes.complaintId.to");
        as(service).get("/api/v1/complaints/" + complaint).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("category", equalTo("OTHER"))
                .body("severity", equalTo("MEDIUM")).body("customerId", equalTo(customer))
                .body("description", org.hamcrest.Matchers.containsString("交车等待三小时"));
        // answers follow the dealer's survey and only a reached customer gives them
        String open = schedule(sales, customer, "SURVEY", in(Duration.ofMinutes(5)));
        for (Map<String, Object> satisfaction : List.<Map<String, Object>>of(
                Map.of("answers", List.of(answer("PRICE", 4))), Map.of("answers", List.of(answer("VEHICLE", 6))),
                Map.of("answers", List.of(answer("VEHICLE", 4), answer("VEHICLE", 5))))) {
            Map<String, Object> bad = result("DONE", in(Duration.ZERO), "x");
            bad.put("satisfaction", satisfaction);
            assertProblem(as(sales).body(bad).post(FOLLOW_UPS + "/" + open + "/result"), 400, "validation-failed");
        }
        assertProblem(as(sales).body(result("DONE", "1200-01-01T10:00:00+08:00", "x"))
                .post(FOLLOW_UPS + "/" + open + "/result"), 400, "validation-failed");
        Map<String, Object> missed = result("MISSED", in(Duration.ZERO), "无人接听");
        missed.put("satisfaction", Map.of("nps", 9));
        assertProblem(as(sales).body(missed).post(FOLLOW_UPS + "/" + open + "/result"), 400, "validation-failed");
        assertProblem(as(sales).body(result("DONE", in(Duration.ofHours(1)), "x"))
                .post(FOLLOW_UPS + "/" + open + "/result"), 400, "validation-failed");
        as(sales).get(FOLLOW_UPS + "/" + open).then().body("status", equalTo("DUE"));
    }

    @Test
    void aCustomerWhoWithdrewConsentGetsNoFollowUpAndLosesTheDueOnes() {
        Deliveries.Order order = Deliveries.paidOrder(Tokens.staff(dealer, "finance"), sales);
        String first = schedule(sales, order.customer(), "SURVEY", in(Duration.ofDays(1)));
        String second = schedule(service, order.customer(), "POST_SERVICE", in(Duration.ofDays(2)));
        String etag = as(manager).get("/api/v1/customers/" + order.customer()).then().extract().header("ETag");
        as(manager).header("If-Match", etag).contentType(Api.MERGE_PATCH).body(Map.of("contactConsent", false))
                .patch("/api/v1/customers/" + order.customer()).then().statusCode(200);
        for (String id : List.of(first, second)) {
            as(service).get(FOLLOW_UPS + "/" + id).then().body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("the customer withdrew consent to be contacted"));
        }
        assertProblem(as(service).body(followUp(order.customer(), "SURVEY", in(Duration.ofDays(1))))
                .post(FOLLOW_UPS), 422, "no-contact-consent");
        // PostgreSQL refuses one too
        Throwable refused = assertThrows(Exception.class, () -> pool.query("INSERT INTO follow_up (dealer_id, id, "
                + "kind, customer_id, team, channel, due_at, status, created_at, updated_at) VALUES ('" + dealer
                + "', gen_random_uuid(), 'SURVEY', '" + order.customer() + "', 'CUSTOMER_SERVICE', 'PHONE', now(), "
                + "'DUE', now(), now())").execute().await().atMost(Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("may not be contacted"), refused.getMessage());
        // and the hand-over schedules no plan for them
        Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");
        String delivery = Deliveries.schedule(sales, order.id(), at(1, 10, 0), "交车区-5");
        Deliveries.inspect(afterSales, delivery);
        as(sales).body(Deliveries.handOver()).post(DELIVERIES + "/" + delivery + "/complete").then().statusCode(200);
        as(service).get(FOLLOW_UPS + "?deliveryId=" + delivery).then().body("items", empty());
        as(sales).get(DELIVERIES + "/" + delivery + "/history").then()
                .body("items[-1].changes.followUps.to", equalTo("none: the customer may not be contacted"));
    }

    @Test
    void leadsAreNurturedAtTheirGradesPaceOnceEvenWithTwoSchedulers() throws Exception {
        String lead = Leads.createNew(sales);
        Leads.act(sales, lead, "contact").then().statusCode(200);
        Response contacted = as(sales).get(Leads.LEADS + "/" + lead);
        int days = Map.of("H", 2, "A", 5, "B", 7, "C", 15).get((String) contacted.path("grade"));
        OffsetDateTime next = OffsetDateTime.parse(contacted.path("nextFollowUpAt"));
        // two service instances scheduling at the same moment
        CompletableFuture<Integer> one = nurture.run().subscribeAsCompletionStage();
        CompletableFuture<Integer> two = nurture.run().subscribeAsCompletionStage();
        one.get(10, TimeUnit.SECONDS);
        two.get(10, TimeUnit.SECONDS);
        Response due = as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE");
        due.then().body("items", hasSize(1)).body("items[0].leadId", equalTo(lead))
                .body("items[0].assigneeId", equalTo(sales.id().toString()));
        assertEquals(next.toInstant(), OffsetDateTime.parse(due.path("items[0].dueAt")).toInstant());

        // done: the lead's next follow-up moves on by the grade's interval, beyond the scheduler's one-day horizon
        clock.advance(Duration.ofHours(1));
        String done = due.path("items[0].id");
        as(sales).body(result("DONE", in(Duration.ZERO), "客户考虑中，周末再联系"))
                .post(FOLLOW_UPS + "/" + done + "/result").then().statusCode(201);
        OffsetDateTime moved = OffsetDateTime.parse(as(sales).get(Leads.LEADS + "/" + lead).path("nextFollowUpAt"));
        assertEquals(clock.instant().plus(Duration.ofDays(days)).getEpochSecond(), moved.toEpochSecond(), 1);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE").then().body("items", empty());
        clock.advance(Duration.ofDays(days).minusHours(12));
        nurture.run().await().atMost(Duration.ofSeconds(10));
        Response again = as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE");
        again.then().body("items", hasSize(1));
        assertEquals(moved.toInstant(), OffsetDateTime.parse(again.path("items[0].dueAt")).toInstant());
        // nurture goes with the lead: not given to someone else by hand
        assertProblem(as(manager).body(Map.of("assigneeId", manager.id().toString()))
                .post(FOLLOW_UPS + "/" + again.path("items[0].id") + "/assign"), 409, "follows-lead");
        // a call missed: again in a day, once
        clock.advance(Duration.ofHours(13));
        as(sales).body(result("MISSED", in(Duration.ZERO), "无人接听")).post(FOLLOW_UPS + "/" + again.path("items[0].id")
                + "/result").then().statusCode(201);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        nurture.run().await().atMost(Duration.ofSeconds(10));
        Response retry = as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE");
        retry.then().body("items", hasSize(1));
        assertEquals(clock.instant().plus(Duration.ofDays(1)).getEpochSecond(),
                OffsetDateTime.parse(retry.path("items[0].dueAt")).toEpochSecond(), 1);
        // done early, before its due time: the lead still moves on, and nothing is scheduled again for that date
        clock.advance(Duration.ofHours(2));
        as(sales).body(result("DONE", in(Duration.ZERO), "客户主动来电")).post(FOLLOW_UPS + "/" + retry.path("items[0].id")
                + "/result").then().statusCode(201);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE").then().body("items", empty());
        clock.advance(Duration.ofDays(days));
        nurture.run().await().atMost(Duration.ofSeconds(10));
        // a cancelled nurture follow-up is not made again for the same date
        String cancelled = as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE").path("items[0].id");
        as(sales).body(Map.of("reason", "客户要求暂不联系")).post(FOLLOW_UPS + "/" + cancelled + "/cancel").then()
                .statusCode(200);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE").then().body("items", empty());
        // a new date from the salesperson starts it again; a lead lost meanwhile takes its nurture follow-up with it
        String leadTag = as(sales).get(Leads.LEADS + "/" + lead).then().extract().header("ETag");
        as(sales).header("If-Match", leadTag).contentType(Api.MERGE_PATCH)
                .body(Map.of("nextFollowUpAt", in(Duration.ofHours(3)))).patch(Leads.LEADS + "/" + lead).then()
                .statusCode(200);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        String nextNurture = as(sales).get(FOLLOW_UPS + "?kind=LEAD_NURTURE&status=DUE").path("items[0].id");
        assertTrue(nextNurture != null);
        as(sales).body(Map.of("reason", "已购买竞品")).post(Leads.LEADS + "/" + lead + "/lose").then().statusCode(200);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        as(sales).get(FOLLOW_UPS + "/" + nextNurture).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("the lead is LOST"));
    }

    @Test
    void rescheduleAssignAndTheRoleMatrix() {
        String customer = consentingCustomer();
        as(otherService).get("/api/v1/me/identity").then().statusCode(200);
        String queued = schedule(service, customer, "SURVEY", in(Duration.ofHours(1)));
        // customer service gives work within the team; sales and after-sales may not give it at all
        as(service).body(Map.of("assigneeId", otherService.id().toString())).post(FOLLOW_UPS + "/" + queued + "/assign")
                .then().statusCode(200).body("assigneeId", equalTo(otherService.id().toString()));
        // work a leaver still holds shows up for reassignment
        as(Tokens.staff(dealer, "admin")).get("/api/v1/staff/" + otherService.id() + "/open-work").then()
                .statusCode(200).body("followUps.total", equalTo(1)).body("followUps.items[0].id", equalTo(queued))
                .body("followUps.items[0].label", equalTo("回访客户 · SURVEY"));
        assertProblem(as(service).body(Map.of("assigneeId", sales.id().toString()))
                .post(FOLLOW_UPS + "/" + queued + "/assign"), 422, "unknown-assignee");
        as(sales).body(Map.of("assigneeId", sales.id().toString())).post(FOLLOW_UPS + "/" + queued + "/assign").then()
                .statusCode(403);
        Map<String, Object> back = new LinkedHashMap<>();
        back.put("assigneeId", null);
        as(service).body(back).post(FOLLOW_UPS + "/" + queued + "/assign").then().statusCode(200)
                .body("assigneeId", nullValue());
        // a sales manager sees customer service's follow-ups but does not work them
        assertProblem(as(manager).body(Map.of("reason", "x")).post(FOLLOW_UPS + "/" + queued + "/cancel"), 403,
                "forbidden");
        assertProblem(as(manager).body(result("DONE", in(Duration.ZERO), "x")).post(FOLLOW_UPS + "/" + queued
                + "/result"), 403, "forbidden");
        as(manager).get(FOLLOW_UPS + "/" + queued).then().body("allowedActions", empty());
        // rescheduling keeps the old one, pointing at its replacement
        Response moved = as(service).body(Map.of("dueAt", in(Duration.ofDays(2)), "reason", "客户出差"))
                .post(FOLLOW_UPS + "/" + queued + "/reschedule");
        moved.then().statusCode(201).body("status", equalTo("DUE")).body("originId", equalTo(queued));
        as(service).get(FOLLOW_UPS + "/" + queued).then().body("status", equalTo("RESCHEDULED"))
                .body("rescheduledTo", equalTo(moved.path("id"))).body("allowedActions", empty());
        assertProblem(as(service).body(result("DONE", in(Duration.ZERO), "x")).post(FOLLOW_UPS + "/" + queued
                + "/result"), 409, "follow-up-closed").body("rescheduledTo", equalTo(moved.path("id")));
        assertProblem(as(service).header("If-Match", "\"7\"").body(Map.of("reason", "x"))
                .post(FOLLOW_UPS + "/" + moved.path("id") + "/cancel"), 412, "stale-version");
        // only the kinds staff schedule by hand, for customers they may see
        assertProblem(as(service).body(followUp(customer, "POST_DELIVERY", in(Duration.ofDays(1)))).post(FOLLOW_UPS),
                400, "validation-failed");
        assertProblem(as(sales).body(followUp(customer, "POST_SERVICE", in(Duration.ofDays(1)))).post(FOLLOW_UPS), 403,
                "forbidden");
        assertProblem(as(Tokens.staff(dealer, "sales")).body(followUp(customer, "SURVEY", in(Duration.ofDays(1))))
                .post(FOLLOW_UPS), 404, "not-found");
        assertProblem(as(service).body(followUp(customer, "SURVEY", in(Duration.ofDays(-1)))).post(FOLLOW_UPS), 422,
                "in-the-past");
        Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");
        String service2 = schedule(afterSales, customer, "POST_SERVICE", in(Duration.ofDays(1)));
        as(afterSales).get(FOLLOW_UPS + "/" + service2).then().statusCode(200).body("team", equalTo("AFTER_SALES"));
        as(afterSales).get(FOLLOW_UPS + "/" + queued).then().statusCode(404);
        as(afterSales).get(FOLLOW_UPS).then().body("items.id", contains(service2));
        as(manager).get(FOLLOW_UPS + "?customerId=" + customer).then().body("items", hasSize(3));
        for (String role : List.of("finance", "admin", "integration")) {
            as(Tokens.staff(dealer, role)).get(FOLLOW_UPS).then().statusCode(403);
        }
        as(Tokens.staff(Tokens.newDealer(), "customer-service")).get(FOLLOW_UPS + "/" + service2).then()
                .statusCode(404);
        as(service).get(FOLLOW_UPS + "?customerId=" + customer + "&status=RESCHEDULED,DUE").then()
                .body("items.status", containsInAnyOrder("RESCHEDULED", "DUE", "DUE"))
                .body("items[0].createdAt", notNullValue());
    }

    private String consentingCustomer() {
        Map<String, Object> body = Api.customer("回访客户", Api.newPhone());
        body.put("contactConsent", true);
        return Api.createCustomer(sales, body).path("id");
    }

    private String schedule(Tokens.Staff staff, String customer, String kind, String dueAt) {
        return as(staff).body(followUp(customer, kind, dueAt)).post(FOLLOW_UPS).then().statusCode(201).extract()
                .path("id");
    }

    private static Map<String, Object> followUp(String customer, String kind, String dueAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("customerId", customer);
        body.put("channel", "PHONE");
        body.put("dueAt", dueAt);
        body.put("survey", kind.equals("SURVEY"));
        return body;
    }

    private static Map<String, Object> result(String status, String occurredAt, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("status", status);
        body.put("occurredAt", occurredAt);
        body.put("outcome", outcome);
        return body;
    }

    private static Map<String, Object> answer(String question, int score) {
        return Map.of("question", question, "score", score);
    }

    /** A time this far from the test's clock. */
    private String in(Duration fromNow) {
        return clock.instant().plus(fromNow).atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static List<Response> runAll(List<Callable<Response>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : threads.invokeAll(calls)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }
}
