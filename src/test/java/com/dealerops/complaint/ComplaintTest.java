package com.dealerops.complaint;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Deliveries.FOLLOW_UPS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Leads;
import com.dealerops.support.TestClock;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ComplaintTest {

    static final String COMPLAINTS = "/api/v1/complaints";

    @Inject
    ComplaintEscalation escalation;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff handler = Tokens.staff(dealer, "customer-service");
    private final Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");

    private TestClock clockAt(String time) {
        TestClock clock = new TestClock(OffsetDateTime.parse(time).toInstant());
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    @Test
    void everyTransitionWithWorkingDaysAndAPauseOnTheClockThenClosureByTheCustomersAnswer() {
        // Friday 27 November 2026, 10:00 in Hangzhou: MEDIUM is acknowledge in 24 h, resolve in 5 working days
        TestClock clock = clockAt("2026-11-27T10:00:00+08:00");
        registered(handler);
        String customer = customerOf(Leads.createNew(sales));
        Response received = as(afterSales).body(complaint(customer, "MEDIUM", List.of())).post(COMPLAINTS);
        received.then().statusCode(201).body("status", equalTo("RECEIVED")).body("access", equalTo("SUMMARY"))
                .body("sla.acknowledgeBy", equalTo("2026-11-28T10:00:00+08:00"))
                .body("sla.resolveBy", equalTo("2026-12-04T10:00:00+08:00")) // Mon to Fri, the weekend skipped
                .body("sla.acknowledgedOnTime", nullValue());
        String id = received.path("id");
        String path = COMPLAINTS + "/" + id;

        clock.advance(Duration.ofHours(2));
        as(handler).body(Map.of("note", "已致电客户")).post(path + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("handlerId", equalTo(handler.id().toString()))
                .body("sla.acknowledgedOnTime", equalTo(true)).body("access", equalTo("FULL"));
        assertProblem(as(handler).body(Map.of("note", "x")).post(path + "/acknowledge"), 409, "illegal-transition")
                .body("allowedActions", hasItem("investigate"));
        as(handler).body(Map.of("note", "调取交车记录")).post(path + "/investigate").then().statusCode(200)
                .body("status", equalTo("INVESTIGATING"));
        // Monday 10:00 to Wednesday 10:00 waiting for the customer: the deadline moves by those two days
        clock.advance(Duration.ofDays(3).minusHours(2));
        as(handler).body(Map.of("reason", "等待客户提供照片")).post(path + "/wait-for-customer").then().statusCode(200)
                .body("status", equalTo("WAITING_CUSTOMER")).body("sla.paused", equalTo(true));
        clock.advance(Duration.ofDays(2));
        as(handler).body(Map.of("note", "客户已发来照片")).post(path + "/customer-responded").then().statusCode(200)
                .body("status", equalTo("INVESTIGATING")).body("sla.paused", equalTo(false))
                .body("sla.pausedMinutes", equalTo(2880))
                .body("sla.resolveBy", equalTo("2026-12-06T10:00:00+08:00"));
        as(handler).get(path).then().body("sla.pauses", hasSize(1))
                .body("sla.pauses[0].startedAt", equalTo("2026-11-30T10:00:00+08:00"))
                .body("sla.pauses[0].endedAt", equalTo("2026-12-02T10:00:00+08:00"))
                .body("sla.pauses[0].reason", equalTo("等待客户提供照片"));
        // Saturday 5 December: late without the pause, on time with it
        clock.advance(Duration.ofDays(3));
        as(handler).body(resolution(null)).post(path + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("sla.resolvedOnTime", equalTo(true))
                .body("investigation.rootCauseCategory", equalTo("PROCESS"));
        // the closure call: first nobody answers (another call), then the customer is not satisfied (reopened)
        String missedCall = closureCall(customer);
        assertProblem(as(handler).body(Map.of("reason", "x")).post(FOLLOW_UPS + "/" + missedCall + "/cancel"), 409,
                "closure-call");
        Map<String, Object> missed = result("无人接听", false);
        missed.put("status", "MISSED");
        missed.remove("resolutionAccepted");
        as(handler).body(missed).post(FOLLOW_UPS + "/" + missedCall + "/result").then().statusCode(201);
        as(handler).get(path).then().body("status", equalTo("RESOLVED"));
        String firstCall = closureCall(customer);
        assertTrue(!firstCall.equals(missedCall));
        as(handler).body(result("客户不接受补漆方案", false)).post(FOLLOW_UPS + "/" + firstCall + "/result").then()
                .statusCode(201).body("result.resolutionAccepted", equalTo(false));
        as(handler).get(path).then().body("status", equalTo("INVESTIGATING")).body("reopenedCount", equalTo(1))
                .body("sla.resolvedAt", nullValue());
        as(handler).body(resolution(null)).post(path + "/resolve").then().statusCode(200);
        String secondCall = closureCall(customer);
        // the closure call's answer is required
        Map<String, Object> noAnswer = result("x", true);
        noAnswer.remove("resolutionAccepted");
        assertProblem(as(handler).body(noAnswer).post(FOLLOW_UPS + "/" + secondCall + "/result"), 400,
                "validation-failed");
        as(handler).body(result("客户接受", true)).post(FOLLOW_UPS + "/" + secondCall + "/result").then()
                .statusCode(201);
        as(handler).get(path).then().body("status", equalTo("CLOSED")).body("allowedActions", empty());
        assertProblem(as(handler).body(Map.of("note", "x")).post(path + "/notes"), 409, "illegal-transition");
        as(handler).get(path + "/history").then().body("items.action", contains("RECEIVED", "ACKNOWLEDGED",
                "INVESTIGATING", "WAITING_CUSTOMER", "CUSTOMER_RESPONDED", "RESOLVED", "CLOSURE_CALL_MISSED",
                "REOPENED", "RESOLVED", "CLOSED"));
        // the registrant follows the status
        as(afterSales).get(path).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("access", equalTo("SUMMARY")).body("investigation", nullValue());
    }

    @Test
    void aPassedDeadlineEscalatesOnceEvenWithTwoSchedulersThenToTheGeneralManager() throws Exception {
        TestClock clock = clockAt("2026-11-25T09:00:00+08:00");
        Tokens.Staff head = registered(Tokens.staff(dealer, "customer-service"));
        Tokens.Staff generalManager = registered(Tokens.staff(dealer, "admin"));
        sql("UPDATE staff SET head = 'DEPARTMENT', department = 'CUSTOMER_SERVICE' WHERE id = '" + head.id() + "'");
        sql("UPDATE staff SET head = 'DEALER' WHERE id = '" + generalManager.id() + "'");
        String customer = customerOf(Leads.createNew(sales));
        String high = as(sales).body(complaint(customer, "HIGH", List.of())).post(COMPLAINTS).then().statusCode(201)
                .extract().path("id");
        // a complaint waiting for the customer is not escalated: its clock stands
        String waiting = as(sales).body(complaint(customer, "HIGH", List.of())).post(COMPLAINTS).then()
                .extract().path("id");
        registered(handler);
        for (String action : List.of("acknowledge", "investigate")) {
            as(handler).body(Map.of("note", "x")).post(COMPLAINTS + "/" + waiting + "/" + action).then().statusCode(200);
        }
        as(handler).body(Map.of("reason", "等待客户")).post(COMPLAINTS + "/" + waiting + "/wait-for-customer").then()
                .statusCode(200);

        clock.advance(Duration.ofHours(3).plusMinutes(59));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        as(handler).get(COMPLAINTS + "/" + high).then().body("escalation.level", equalTo(0));
        clock.advance(Duration.ofMinutes(2)); // acknowledgement 4 h overdue
        CompletableFuture<Integer> one = escalation.escalateDue().subscribeAsCompletionStage();
        CompletableFuture<Integer> two = escalation.escalateDue().subscribeAsCompletionStage();
        one.get(10, TimeUnit.SECONDS);
        two.get(10, TimeUnit.SECONDS);
        as(handler).get(COMPLAINTS + "/" + high).then().body("status", equalTo("ESCALATED"))
                .body("escalation.level", equalTo(1)).body("escalation.escalatedTo", equalTo(head.id().toString()))
                .body("sla.acknowledgedOnTime", equalTo(false));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        List<String> actions = as(handler).get(COMPLAINTS + "/" + high + "/history").path("items.action");
        assertEquals(List.of("RECEIVED", "ESCALATED"), actions);
        as(handler).get(COMPLAINTS + "/" + high + "/history").then()
                .body("items[1].changes.reason.to", equalTo("acknowledgement overdue"));

        // worked on (which acknowledges it, late), then 10 h waiting for the customer, which the second period
        // (24 h) does not count: at 33 h nothing, at 35 h the general manager
        as(handler).body(Map.of("note", "x")).post(COMPLAINTS + "/" + high + "/investigate").then().statusCode(200)
                .body("sla.acknowledgedOnTime", equalTo(false));
        as(handler).body(Map.of("reason", "等待客户")).post(COMPLAINTS + "/" + high + "/wait-for-customer").then()
                .statusCode(200);
        clock.advance(Duration.ofHours(10));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        as(handler).body(Map.of("note", "客户回复")).post(COMPLAINTS + "/" + high + "/customer-responded").then()
                .statusCode(200);
        clock.advance(Duration.ofHours(23));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        as(handler).get(COMPLAINTS + "/" + high).then().body("escalation.level", equalTo(1));
        clock.advance(Duration.ofHours(2));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        escalation.escalateDue().await().atMost(Duration.ofSeconds(10));
        as(handler).get(COMPLAINTS + "/" + high).then().body("escalation.level", equalTo(2))
                .body("escalation.escalatedTo", equalTo(generalManager.id().toString()));
        // the general manager (an admin here) now reads it in full
        as(generalManager).get(COMPLAINTS + "/" + high).then().statusCode(200).body("access", equalTo("FULL"));
        // the waiting one was acknowledged in time and its clock stands: never escalated
        as(handler).get(COMPLAINTS + "/" + waiting).then().body("status", equalTo("WAITING_CUSTOMER"))
                .body("escalation.level", equalTo(0));
    }

    @Test
    void nobodyHandlesOrApprovesAComplaintThatNamesThemAndTheyReadOnlyItsSummary() {
        registered(handler);
        Tokens.Staff namedService = registered(Tokens.staff(dealer, "customer-service"));
        registered(sales);
        String customer = customerOf(Leads.createNew(sales));
        Map<String, Object> body = complaint(customer, "LOW", List.of(sales.id().toString(),
                namedService.id().toString()));
        body.put("safetyIssue", true);
        Response created = as(afterSales).body(body).post(COMPLAINTS);
        created.then().statusCode(201).body("severity", equalTo("CRITICAL")).body("safetyIssue", equalTo(true))
                .body("staffInvolved", hasSize(2));
        String id = created.path("id");
        String path = COMPLAINTS + "/" + id;
        assertProblem(as(manager).body(Map.of("handlerId", namedService.id().toString())).post(path + "/assign"), 422,
                "conflict-of-interest");
        assertRefused("UPDATE complaint SET handler_id = '" + namedService.id() + "' WHERE id = '" + id + "'",
                "complaint_handler_not_involved");
        assertRefused("UPDATE complaint SET severity = 'LOW' WHERE id = '" + id + "'", "complaint_safety_is_critical");
        as(manager).body(Map.of("handlerId", handler.id().toString())).post(path + "/assign").then().statusCode(200);
        as(handler).body(Map.of("note", "已联系客户")).post(path + "/acknowledge").then().statusCode(200);
        as(handler).body(Map.of("note", "销售顾问承认未按约回电")).post(path + "/investigate").then().statusCode(200)
                .body("investigation.notes", org.hamcrest.Matchers.containsString("销售顾问承认未按约回电"));

        // those the complaint names: the summary, whatever their role, and no part in handling it
        for (Tokens.Staff named : List.of(sales, namedService)) {
            as(named).get(path).then().statusCode(200).body("access", equalTo("SUMMARY"))
                    .body("investigation", nullValue()).body("status", equalTo("INVESTIGATING"));
            as(named).get(path + "/history").then().statusCode(200)
                    .body("items.changes.note", everyItem(nullValue()));
        }
        assertProblem(as(namedService).body(Map.of("note", "x")).post(path + "/notes"), 403, "forbidden");
        as(sales).get(COMPLAINTS).then().statusCode(200).body("items.id", contains(id))
                .body("items[0].access", equalTo("SUMMARY"));
        as(namedService).get(COMPLAINTS + "?customerId=" + customer).then().body("items[0].access",
                equalTo("SUMMARY"));
        // others see nothing, integration not even the list
        as(Tokens.staff(dealer, "sales")).get(path).then().statusCode(404);
        as(Tokens.staff(dealer, "sales")).get(COMPLAINTS).then().statusCode(200).body("items", empty());
        as(Tokens.staff(dealer, "integration")).get(COMPLAINTS).then().statusCode(403);
        Tokens.Staff finance = Tokens.staff(dealer, "finance");
        as(finance).get(path).then().statusCode(404);

        // compensation above the dealer's limit (2000) needs a manager who is neither handler nor named
        Map<String, Object> generous = resolution("3000.00");
        assertProblem(as(handler).body(generous).post(path + "/resolve"), 422, "compensation-needs-approval")
                .body("limit", equalTo("2000.00"));
        Map<String, Object> approval = Map.of("amount", Map.of("amount", "3000.00", "currency", "CNY"));
        assertProblem(as(handler).body(approval).post(path + "/approve-compensation"), 403, "forbidden");
        assertProblem(as(sales).body(approval).post(path + "/approve-compensation"), 403, "forbidden");
        as(manager).body(approval).post(path + "/approve-compensation").then().statusCode(200)
                .body("compensation.approvedAmount.amount", equalTo("3000.00"));
        as(handler).body(generous).post(path + "/resolve").then().statusCode(200)
                .body("compensation.amount.amount", equalTo("3000.00"))
                .body("investigation.correctiveOwnerId", equalTo(afterSales.id().toString()));
        // finance now sees it, with the compensation and without the investigation
        as(finance).get(path).then().statusCode(200).body("access", equalTo("SUMMARY"))
                .body("compensation.amount.amount", equalTo("3000.00")).body("investigation", nullValue());
        as(finance).get(COMPLAINTS).then().body("items.id", contains(id));
        // the customer withdraws consent (the salesperson the complaint names records it): the closure call is
        // cancelled and the complaint closes without the customer's answer
        String etag = as(sales).get("/api/v1/customers/" + customer).then().extract().header("ETag");
        as(sales).header("If-Match", etag).contentType(com.dealerops.support.Api.MERGE_PATCH)
                .body(Map.of("contactConsent", false)).patch("/api/v1/customers/" + customer).then().statusCode(200);
        as(handler).get(path).then().body("status", equalTo("CLOSED"));
        as(handler).get(path + "/history").then().body("items[-1].changes.closure.to",
                equalTo("closed without the customer's answer: they may not be contacted"));
    }

    @Test
    void reportsOnASeededSetMatchTheHandComputedFigures() {
        clockAt("2026-11-28T12:00:00+08:00");
        String first = customerOf(Leads.create(sales, Leads.walkIn("王芳", com.dealerops.support.Api.newPhone()))
                .then().statusCode(201).extract().path("id"));
        String second = customerOf(Leads.create(sales, Leads.walkIn("李娜", com.dealerops.support.Api.newPhone()))
                .then().statusCode(201).extract().path("id"));
        registered(handler);
        // received, acknowledge due, acknowledged, resolve due, resolved, paused seconds, status
        seed(first, "DELIVERY", "MEDIUM", "2026-10-05 10:00", "2026-10-06 10:00", "2026-10-05 12:00",
                "2026-10-12 10:00", "2026-10-08 10:00", 0, "CLOSED"); // both on time
        seed(first, "DELIVERY", "MEDIUM", "2026-10-20 10:00", "2026-10-21 10:00", "2026-10-21 16:00",
                "2026-10-27 10:00", "2026-10-29 10:00", 3 * 86400, "CLOSED"); // late ack; on time with 3 days paused
        seed(first, "DELIVERY", "MEDIUM", "2026-11-03 10:00", "2026-11-04 10:00", "2026-11-03 11:00",
                "2026-11-10 10:00", "2026-11-11 10:00", 0, "RESOLVED"); // resolved late
        seed(second, "PRICING", "MEDIUM", "2026-11-10 10:00", "2026-11-11 10:00", "2026-11-10 10:30",
                "2026-11-17 10:00", null, 0, "INVESTIGATING"); // resolution overdue, still open 18 days
        seed(second, "PRICING", "HIGH", "2026-11-28 10:00", "2026-11-28 14:00", null,
                "2026-12-01 10:00", null, 0, "RECEIVED"); // two hours old: nothing decided yet
        seed(first, "BILLING", "LOW", "2026-09-15 10:00", "2026-09-16 10:00", "2026-09-15 11:00",
                "2026-09-22 10:00", "2026-09-20 10:00", 0, "CLOSED"); // before the period

        Response report = as(manager).get(COMPLAINTS + "/report?from=2026-10-01&to=2026-12-01");
        report.then().statusCode(200)
                .body("open.age", contains("UNDER_1_DAY", "OVER_7_DAYS"))
                .body("open.severity", contains("HIGH", "MEDIUM")).body("open.count", contains(1, 1))
                .body("sla.category", contains("DELIVERY", "DELIVERY", "PRICING"))
                .body("sla.month", contains("2026-10", "2026-11", "2026-11"))
                .body("sla.received", contains(2, 1, 2))
                .body("sla.acknowledgedOnTimePercent", contains(50.0f, 100.0f, 100.0f))
                .body("sla.resolvedOnTimePercent", contains(100.0f, 0.0f, 0.0f))
                .body("repeatComplainants.customerId", contains(first, second))
                .body("repeatComplainants.complaints", contains(3, 2))
                .body("repeatComplainants[0].name", equalTo("王芳"));
        as(handler).get(COMPLAINTS + "/report?from=2026-10-01&to=2026-12-01").then().statusCode(200);
        as(sales).get(COMPLAINTS + "/report").then().statusCode(403);
        assertProblem(as(manager).get(COMPLAINTS + "/report?from=2026-12-01&to=2026-10-01"), 400,
                "validation-failed");
    }

    private void seed(String customer, String category, String severity, String received, String ackDue,
            String acked, String resolveDue, String resolved, long pausedSeconds, String status) {
        String closed = status.equals("CLOSED") ? at(resolved) : "NULL";
        sql("INSERT INTO complaint (dealer_id, id, customer_id, category, severity, channel, description, status, "
                + "handler_id, received_at, acknowledge_due_at, acknowledged_at, resolve_due_at, resolved_at, "
                + "paused_seconds, closed_at, second_escalation_hours, currency, root_cause_category, root_cause, "
                + "actions_taken, created_by, created_at, updated_at) VALUES ('" + dealer + "', gen_random_uuid(), '"
                + customer + "', '" + category + "', '" + severity + "', 'PHONE', '测试', '" + status + "', '"
                + handler.id() + "', " + at(received) + ", " + at(ackDue) + ", " + at(acked) + ", " + at(resolveDue)
                + ", " + at(resolved) + ", " + pausedSeconds + ", " + closed + ", 24, 'CNY', "
                + (resolved == null ? "NULL, NULL, NULL" : "'PROCESS', '流程', '已处理'") + ", '" + handler.id()
                + "', " + at(received) + ", " + at(received) + ")");
    }

    private static String at(String local) {
        return local == null ? "NULL" : "'" + local + "+08'";
    }

    private String closureCall(String customer) {
        Response calls = as(handler).get(FOLLOW_UPS + "?kind=COMPLAINT_CLOSURE&status=DUE&customerId=" + customer);
        calls.then().body("items", hasSize(1)).body("items[0].assigneeId", equalTo(handler.id().toString()));
        return calls.path("items[0].id");
    }

    private Map<String, Object> result(String outcome, boolean accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("status", "DONE");
        body.put("occurredAt", OffsetDateTime.now().toString());
        body.put("outcome", outcome);
        body.put("resolutionAccepted", accepted);
        return body;
    }

    private Map<String, Object> resolution(String compensation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rootCause", Map.of("category", "PROCESS", "text", "交车前检查未覆盖车门下沿"));
        body.put("actionsTaken", "免费补漆，销售经理当面致歉");
        if (compensation != null) {
            body.put("compensation", Map.of("kind", "CASH", "amount", Map.of("amount", compensation, "currency",
                    "CNY"), "description", "现金补偿"));
            body.put("correctiveAction", Map.of("description", "PDI 外观检查增加车门下沿", "ownerId",
                    afterSales.id().toString(), "dueOn", "2026-12-31"));
        }
        return body;
    }

    private Map<String, Object> complaint(String customer, String severity, List<String> involved) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer);
        body.put("category", "DELIVERY");
        body.put("severity", severity);
        body.put("channel", "PHONE");
        body.put("description", "交车时发现左后门有划痕");
        body.put("desiredOutcome", "免费补漆");
        body.put("staffInvolved", involved);
        return body;
    }

    private String customerOf(String lead) {
        return as(sales).get(Leads.LEADS + "/" + lead).path("customer.id");
    }

    private Tokens.Staff registered(Tokens.Staff staff) {
        as(staff).get("/api/v1/me/identity").then().statusCode(200);
        return staff;
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    private void assertRefused(String statement, String expected) {
        Throwable refused = assertThrows(Exception.class, () -> sql(statement));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
