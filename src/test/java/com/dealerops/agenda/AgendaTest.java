package com.dealerops.agenda;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Deliveries.FOLLOW_UPS;
import static com.dealerops.support.Deliveries.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.followup.LeadNurture;
import com.dealerops.support.DatabaseProxy;
import com.dealerops.support.Deliveries;
import com.dealerops.support.Leads;
import com.dealerops.support.Quotes;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class AgendaTest {

    private static final String AGENDA = "/api/v1/me/agenda";

    @Inject
    LeadNurture nurture;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");
    private final Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");
    private final String tomorrow = LocalDate.now(Deliveries.SHANGHAI).plusDays(1).toString();

    @Test
    void oneRequestOneStatementShowsTheDayInOrderWithCustomerCarAndLastContact() throws Exception {
        // a lead being nurtured: its follow-up is due within the day
        String lead = Leads.createNew(sales);
        Leads.act(sales, lead, "contact").then().statusCode(200);
        nurture.run().await().atMost(Duration.ofSeconds(10));
        String customer = as(sales).get(Leads.LEADS + "/" + lead).path("customer.id");
        // an overdue survey of the same customer, and one already done (the last contact)
        String overdue = survey(customer);
        pool.query("UPDATE follow_up SET due_at = due_at - interval '2 days' WHERE id = '" + overdue + "'").execute()
                .await().atMost(Duration.ofSeconds(10));
        String called = survey(customer);
        as(sales).body(Map.of("id", UUID.randomUUID().toString(), "status", "DONE", "occurredAt",
                OffsetDateTime.now().toString(), "outcome", "客户周末到店")).post(FOLLOW_UPS + "/"
                        + called + "/result").then().statusCode(201);
        // tomorrow's test drive and delivery
        String demo = Quotes.stockCar(finance, "189800.00", null);
        as(finance).body(Map.of("status", "DEMO")).post("/api/v1/vehicles/" + demo + "/status").then().statusCode(200);
        String drive = as(sales).body(Map.of("leadId", lead, "vehicleId", demo, "startsAt", at(1, 10, 0), "endsAt",
                at(1, 10, 45))).post("/api/v1/test-drives").then().statusCode(201).extract().path("id");
        Deliveries.Order order = Deliveries.paidOrder(finance, sales);
        String delivery = Deliveries.schedule(sales, order.id(), at(1, 15, 0), "交车区-1");
        // not on the agenda: the day after, and a colleague's work
        Deliveries.schedule(sales, Deliveries.paidOrder(finance, sales).id(), at(2, 9, 0), "交车区-1");
        Tokens.Staff colleague = Tokens.staff(dealer, "sales");
        Leads.act(colleague, Leads.createNew(colleague), "contact").then().statusCode(200);
        nurture.run().await().atMost(Duration.ofSeconds(10));

        Response day = as(sales).get(AGENDA + "?date=" + tomorrow);
        day.then().statusCode(200).body("date", equalTo(tomorrow)).body("truncated", equalTo(false))
                .body("items.type", contains("FOLLOW_UP", "FOLLOW_UP", "TEST_DRIVE", "DELIVERY"))
                .body("items[0].id", equalTo(overdue)).body("items[0].overdue", equalTo(true))
                .body("items[1].kind", equalTo("LEAD_NURTURE")).body("items[1].overdue", equalTo(false))
                .body("items[1].vehicle.make", equalTo("BYD")).body("items[1].vehicle.model", equalTo("Seal"))
                .body("items[2].id", equalTo(drive)).body("items[2].vehicle.id", equalTo(demo))
                .body("items[3].id", equalTo(delivery)).body("items[3].bay", equalTo("交车区-1"))
                .body("items[3].pdiStatus", equalTo("NOT_DONE")).body("items[3].vehicle.make", equalTo("比亚迪"))
                .body("items.customer.phone", everyItem(matchesPattern("1[0-9]{2}\\*{4}[0-9]{4}")))
                .body("items[0].customer.id", equalTo(customer))
                .body("items[0].lastContact.summary", equalTo("FOLLOW_UP DONE: 客户周末到店"))
                .body("items[2].lastContact.summary", equalTo("FOLLOW_UP DONE: 客户周末到店"));
        List<String> times = day.path("items.at");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!OffsetDateTime.parse(times.get(i)).isBefore(OffsetDateTime.parse(times.get(i - 1))), times
                    .toString());
        }
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the fewest of three: a periodic job may run alongside
            long before = DatabaseProxy.statementsExecuted();
            as(sales).get(AGENDA + "?date=" + tomorrow).then().statusCode(200);
            fewest = Math.min(fewest, DatabaseProxy.statementsExecuted() - before);
        }
        assertEquals(1, fewest, "SQL statements for the agenda");
        // after-sales see the day's deliveries waiting for their inspection; once it passed they drop off
        as(afterSales).get(AGENDA + "?date=" + tomorrow).then().body("items.id", contains(delivery));
        Deliveries.inspect(afterSales, delivery);
        as(afterSales).get(AGENDA + "?date=" + tomorrow).then().body("items", empty());
        as(Tokens.staff(dealer, "customer-service")).get(AGENDA).then().statusCode(200).body("items", empty())
                .body("date", equalTo(LocalDate.now(Deliveries.SHANGHAI).toString()));
        as(finance).get(AGENDA).then().statusCode(403);
        assertProblem(as(sales).get(AGENDA + "?date=tomorrow"), 400, "validation-failed");
    }

    @Test
    void aBacklogOfFollowUpsNeverHidesTheDaysAppointments() {
        Deliveries.Order order = Deliveries.paidOrder(finance, sales);
        String delivery = Deliveries.schedule(sales, order.id(), at(1, 11, 0), "交车区-7");
        pool.query("INSERT INTO follow_up (dealer_id, id, kind, customer_id, team, assignee_id, channel, due_at, "
                + "status, created_at, updated_at) SELECT '" + dealer + "', gen_random_uuid(), 'SURVEY', '"
                + order.customer() + "', 'SALES', '" + sales.id() + "', 'PHONE', now() - (n || ' hours')::interval, "
                + "'DUE', now(), now() FROM generate_series(1, 160) AS n").execute().await()
                .atMost(Duration.ofSeconds(10));
        as(sales).get(AGENDA + "?date=" + tomorrow).then().statusCode(200).body("truncated", equalTo(true))
                .body("items.findAll { it.type == 'FOLLOW_UP' }.size()", equalTo(150))
                .body("items.findAll { it.type == 'DELIVERY' }.id", contains(delivery))
                .body("items[0].overdue", equalTo(true));
    }

    @Test
    void aRealisticDayIsSmallOnTheWire() throws Exception {
        Tokens.Staff service = Tokens.staff(dealer, "customer-service");
        as(service).get("/api/v1/me/identity").then().statusCode(200);
        // a customer-service agent's day: 25 calls (post-delivery, surveys, callbacks), each a different customer
        for (int i = 0; i < 25; i++) {
            String lead = Leads.createNew(sales);
            String customer = as(sales).get(Leads.LEADS + "/" + lead).path("customer.id");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "SURVEY");
            body.put("customerId", customer);
            body.put("channel", "PHONE");
            body.put("dueAt", at(1, 9 + i / 4, (i % 4) * 15));
            body.put("survey", true);
            body.put("purpose", "交车后第7天回访 / Day 7 after delivery");
            as(service).body(body).post(FOLLOW_UPS).then().statusCode(201);
        }
        as(service).get(AGENDA + "?date=" + tomorrow).then().statusCode(200).body("items.size()", equalTo(25))
                .body("items[0].lastContact", nullValue()).body("items[0].customer.name", equalTo("客户"));
        HttpResponse<byte[]> plain = fetch(service, "identity");
        HttpResponse<byte[]> compressed = fetch(service, "gzip");
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""));
        int plainBytes = plain.body().length;
        int gzipBytes = compressed.body().length;
        System.out.printf("agenda of 25 follow-ups: %d bytes, %d gzipped%n", plainBytes, gzipBytes);
        assertTrue(gzipBytes < 4096, "a day's agenda fits a few TCP packets gzipped: " + gzipBytes + " bytes");
        assertTrue(gzipBytes * 4 < plainBytes, "gzip compresses the agenda at least fourfold: " + gzipBytes + " of "
                + plainBytes);
    }

    private HttpResponse<byte[]> fetch(Tokens.Staff staff, String encoding) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + RestAssured.port + AGENDA + "?date=" + tomorrow)).header("Authorization", staff.bearer())
                .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String survey(String customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SURVEY");
        body.put("customerId", customer);
        body.put("channel", "PHONE");
        body.put("dueAt", OffsetDateTime.now().plusMinutes(1).toString());
        body.put("survey", true);
        return as(sales).body(body).post(FOLLOW_UPS).then().log().ifValidationFails().statusCode(201).extract().path("id");
    }
}
