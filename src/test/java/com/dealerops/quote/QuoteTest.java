package com.dealerops.quote;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Quotes.QUOTES;
import static com.dealerops.support.Quotes.cny;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.Quotes;
import com.dealerops.support.TestClock;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class QuoteTest {

    @Inject
    QuoteExpiry expiry;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff otherManager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private TestClock clock;

    @BeforeEach
    void controlTheClock() {
        clock = new TestClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void theServerPricesEveryLineAndOnlyManagersAndFinanceSeeTheMargin() {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        Map<String, Object> body = Quotes.forCar(lead, car, "5000.00");
        // totals sent by a client are not part of the input at all
        body.put("total", cny("1.00"));
        assertProblem(Quotes.create(sales, body), 400, "validation-failed");
        body.remove("total");
        Response created = Quotes.create(sales, body);
        created.then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("salespersonId", equalTo(sales.id().toString()))
                // 200000 + 2 × 399.50 + 6200 = 206999.00; − 5000 = 201999.00
                .body("priced.accessories[0].lineTotal.amount", equalTo("799.00"))
                .body("priced.totals.subtotal.amount", equalTo("206999.00"))
                .body("priced.totals.discount.amount", equalTo("5000.00"))
                .body("priced.totals.total.amount", equalTo("201999.00"))
                .body("priced.discount.percentOfList", equalTo("2.50"))
                .body("priced.vehicle.price.amount", equalTo("200000.00"))
                .body("profit", nullValue())
                .body("approval.required", equalTo(false))
                .body("allowedActions", contains("revise", "send"));
        String id = created.path("id");
        // (200000 − 5000) − 185000 = 10000; 10000 / 195000 = 5.13 %
        for (Tokens.Staff seesMargin : List.of(manager, finance)) {
            as(seesMargin).get(QUOTES + "/" + id).then().statusCode(200)
                    .body("profit.cost.amount", equalTo("185000.00"))
                    .body("profit.grossMargin.amount", equalTo("10000.00"))
                    .body("profit.grossMarginPercent", equalTo("5.13"));
        }
        as(finance).get(QUOTES + "/" + id).then().body("allowedActions", empty());
        for (String role : List.of("after-sales", "customer-service", "integration", "admin")) {
            as(Tokens.staff(dealer, role)).get(QUOTES + "/" + id).then().statusCode(403);
        }
        // a colleague does not see it; another dealer does not either
        as(Tokens.staff(dealer, "sales")).get(QUOTES + "/" + id).then().statusCode(404);
        as(Tokens.staff(Tokens.newDealer(), "sales-manager")).get(QUOTES + "/" + id).then().statusCode(404);
        // the salesperson's list has it, without margin
        as(sales).get(QUOTES + "?leadId=" + lead).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].profit", nullValue());
        // finance reads, but cannot write
        as(finance).body(body).post(QUOTES).then().statusCode(403);
    }

    @Test
    void aQuoteBeyondTheGuardWaitsForAnotherManagersApproval() {
        String car = Quotes.stockCar(finance, "200000.00", "180000.00");
        String lead = Leads.createNew(sales);
        // 6000.01 is one cent above 3 % of 200000
        String id = Quotes.create(sales, Quotes.forCar(lead, car, "6000.01")).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("approval.reasons", contains("DISCOUNT_ABOVE_LIMIT"))
                .body("allowedActions", contains("revise")).extract().path("id");
        assertProblem(as(sales).post(QUOTES + "/" + id + "/send"), 409, "approval-required")
                .body("reasons", contains("DISCOUNT_ABOVE_LIMIT"));
        // a quote the customer must not get yet is not printed either
        assertProblem(as(sales).accept("application/pdf").get(QUOTES + "/" + id + "/document"), 409,
                "approval-required");
        // salespeople do not approve
        as(sales).body(Map.of("note", "ok")).post(QUOTES + "/" + id + "/approve").then().statusCode(403);
        // a manager refuses; the salesperson revises within the limit and it needs no approval
        as(manager).body(Map.of("note", "优惠过大")).post(QUOTES + "/" + id + "/reject-approval").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("approval.decision", equalTo("REJECTED"))
                .body("approval.note", equalTo("优惠过大"));
        assertProblem(as(sales).post(QUOTES + "/" + id + "/send"), 409, "approval-required");
        String etag = as(sales).get(QUOTES + "/" + id).then().extract().header("ETag");
        as(sales).header("If-Match", etag).body(Quotes.forCar(lead, car, "6000.00")).put(QUOTES + "/" + id).then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("approval.required", equalTo(false))
                .body("approval.decision", nullValue());

        // a manager's own quote beyond the guard needs another manager
        String managersLead = Leads.createNew(manager);
        String own = Quotes.create(manager, Quotes.forCar(managersLead, car, "9000.00")).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("allowedActions", contains("revise"))
                .extract().path("id");
        assertProblem(as(manager).body(Map.of("note", "自批")).post(QUOTES + "/" + own + "/approve"), 403,
                "forbidden");
        as(otherManager).body(Map.of("note", "同意，老客户转介绍")).post(QUOTES + "/" + own + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("approval.decision", equalTo("APPROVED"))
                .body("approval.decidedBy", equalTo(otherManager.id().toString()));
        assertProblem(as(otherManager).body(Map.of("note", "again")).post(QUOTES + "/" + own + "/approve"), 409,
                "illegal-transition").body("currentStatus", equalTo("APPROVED"));
        as(manager).post(QUOTES + "/" + own + "/send").then().statusCode(200).body("status", equalTo("SENT"));
        // nor may a manager approve a quote they wrote for a salesperson, once the salesperson re-priced it
        String written = Quotes.create(manager, Quotes.forCar(Leads.createNew(sales), car, "9000.00")).then()
                .statusCode(201).body("salespersonId", equalTo(sales.id().toString())).extract().path("id");
        String writtenTag = as(sales).get(QUOTES + "/" + written).then().extract().header("ETag");
        as(sales).header("If-Match", writtenTag).body(Quotes.forCar(as(sales).get(QUOTES + "/" + written).path("leadId"),
                car, "9500.00")).put(QUOTES + "/" + written).then().statusCode(200);
        assertProblem(as(manager).body(Map.of("note", "ok")).post(QUOTES + "/" + written + "/approve"), 403,
                "forbidden");
        as(otherManager).body(Map.of("note", "ok")).post(QUOTES + "/" + written + "/approve").then().statusCode(200);
        // sending moved the lead to QUOTED
        as(manager).get(Leads.LEADS + "/" + managersLead).then().body("status", equalTo("QUOTED"));
    }

    @Test
    void salespeopleSeeThatApprovalIsNeededButNotThatTheMarginIsThin() {
        // (200000 − 0) − 192000 = 8000 = 4 % < 5 %: the reason would tell the salesperson where the cost lies
        String car = Quotes.stockCar(finance, "200000.00", "192000.00");
        String id = Quotes.create(sales, Quotes.forCar(Leads.createNew(sales), car, null)).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("approval.required", equalTo(true))
                .body("approval.reasons", empty()).extract().path("id");
        assertProblem(as(sales).post(QUOTES + "/" + id + "/send"), 409, "approval-required").body("reasons", empty());
        as(manager).get(QUOTES + "/" + id).then().body("approval.reasons", contains("MARGIN_BELOW_MINIMUM"));
        // quote numbers come from the random end of the id: quotes made in the same second differ
        String other = Quotes.create(sales, Quotes.forCar(Leads.createNew(sales), car, null)).path("id");
        String number = as(sales).get(QUOTES + "/" + id).path("number");
        assertEquals("Q-" + id.substring(id.length() - 10).toUpperCase(), number);
        assertFalse(number.equals(as(sales).get(QUOTES + "/" + other).path("number")));
    }

    @Test
    void twoEditsOfASentQuoteAtOnceMakeOneRevisionAndOne412() throws Exception {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        String id = Quotes.create(sales, Quotes.forCar(lead, car, null)).then().statusCode(201).extract().path("id");
        as(sales).post(QUOTES + "/" + id + "/send").then().statusCode(200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> as(sales).header("If-Match", "\"1\"").body(Quotes.forCar(lead, car, "1000.00"))
                            .put(QUOTES + "/" + id).statusCode(),
                    () -> as(sales).header("If-Match", "\"1\"").body(Quotes.forCar(lead, car, "2000.00"))
                            .put(QUOTES + "/" + id).statusCode()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdown();
        }
        as(sales).get(QUOTES + "/" + id).then().body("revision", equalTo(2));
        as(sales).get(QUOTES + "/" + id + "/revisions").then().body("items", hasSize(1));
    }

    @Test
    void theDatabaseRefusesASentQuoteThatNoManagerApproved() {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String id = Quotes.create(sales, Quotes.forCar(Leads.createNew(sales), car, "9000.00")).then()
                .statusCode(201).extract().path("id");
        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> pool
                .query("UPDATE quote SET status = 'SENT', sent_at = now(), valid_until = current_date, "
                        + "expires_at = now() WHERE id = '" + id + "'").execute().await().atMost(Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("quote_guard_respected"), refused.getMessage());
        refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> pool
                .query("UPDATE quote SET total = total - 1 WHERE id = '" + id + "'").execute().await()
                .atMost(Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("quote_total_adds_up"), refused.getMessage());
        // a manager cannot approve their own quote, even bypassing the service
        refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> pool
                .query("UPDATE quote SET status = 'APPROVED', decision = 'APPROVED', decided_by = salesperson_id, "
                        + "decided_at = now(), decision_note = 'self' WHERE id = '" + id + "'").execute().await()
                .atMost(Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains("quote_not_self_approved"), refused.getMessage());
    }

    @Test
    void editingASentQuoteMakesANewRevisionAndKeepsTheOneTheCustomerSaw() {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        String id = Quotes.create(sales, Quotes.forCar(lead, car, "3000.00")).then().statusCode(201).extract()
                .path("id");
        // before sending, an edit changes revision 1 in place
        as(sales).header("If-Match", "\"0\"").body(Quotes.forCar(lead, car, "4000.00")).put(QUOTES + "/" + id)
                .then().statusCode(200).body("revision", equalTo(1)).header("ETag", "\"1\"");
        as(sales).post(QUOTES + "/" + id + "/send").then().statusCode(200).body("status", equalTo("SENT"))
                .body("validUntil", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString()));
        // a stale edit is refused; a missing If-Match is required
        assertProblem(as(sales).header("If-Match", "\"1\"").body(Quotes.forCar(lead, car, "5000.00"))
                .put(QUOTES + "/" + id), 412, "stale-version");
        assertProblem(as(sales).body(Quotes.forCar(lead, car, "5000.00")).put(QUOTES + "/" + id), 428,
                "precondition-required");
        as(sales).header("If-Match", "\"2\"").body(Quotes.forCar(lead, car, "5000.00")).put(QUOTES + "/" + id)
                .then().statusCode(200).body("revision", equalTo(2)).body("status", equalTo("DRAFT"))
                .body("validUntil", nullValue()).body("priced.totals.discount.amount", equalTo("5000.00"));
        as(sales).get(QUOTES + "/" + id + "/revisions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].revision", equalTo(1)).body("items[0].status", equalTo("SENT"))
                .body("items[0].priced.totals.discount.amount", equalTo("4000.00"))
                .body("items[0].profit", nullValue()).body("items[0].allowedActions", empty());
        as(manager).get(QUOTES + "/" + id + "/revisions/1").then().statusCode(200)
                .body("priced.totals.total.amount", equalTo("202999.00"))
                .body("profit.grossMargin.amount", equalTo("11000.00"));
        as(sales).get(QUOTES + "/" + id + "/revisions/2").then().statusCode(200)
                .body("priced.totals.discount.amount", equalTo("5000.00"));
        assertProblem(as(sales).get(QUOTES + "/" + id + "/revisions/3"), 404, "not-found");
        assertProblem(as(sales).get(QUOTES + "/" + id + "/revisions/zero"), 400, "validation-failed");
        // the history tells the story, the margin only to managers
        as(sales).get(QUOTES + "/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "REVISED", "SENT", "REVISED"));
        // accepted is final
        as(sales).post(QUOTES + "/" + id + "/send").then().statusCode(200);
        as(sales).post(QUOTES + "/" + id + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("allowedActions", contains("order"));
        String etag = as(sales).get(QUOTES + "/" + id).then().extract().header("ETag");
        assertProblem(as(sales).header("If-Match", etag).body(Quotes.forCar(lead, car, "1000.00"))
                .put(QUOTES + "/" + id), 409, "illegal-transition").body("currentStatus", equalTo("ACCEPTED"));
    }

    @Test
    void aSentQuoteExpiresAfterItsValidityOnReadAndByTheSchedulerOnce() throws Exception {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        String id = Quotes.create(sales, Quotes.forCar(lead, car, null)).then().statusCode(201).extract().path("id");
        as(sales).post(QUOTES + "/" + id + "/send").then().statusCode(200);
        clock.advance(Duration.ofDays(7));
        as(sales).get(QUOTES + "/" + id).then().body("status", equalTo("SENT"));
        clock.advance(Duration.ofDays(1).plusHours(1));
        // past the end of validUntil in the dealer's calendar: expired on read, before the scheduler ran
        as(sales).get(QUOTES + "/" + id).then().body("status", equalTo("EXPIRED"))
                .body("allowedActions", contains("revise"));
        as(sales).get(QUOTES + "?status=EXPIRED&leadId=" + lead).then().body("items", hasSize(1));
        as(sales).get(QUOTES + "?status=SENT&leadId=" + lead).then().body("items", empty());
        assertProblem(as(sales).post(QUOTES + "/" + id + "/accept"), 409, "quote-expired");
        // two instances expire it at once: once
        CompletableFuture<Integer> one = expiry.expireDue().subscribeAsCompletionStage();
        CompletableFuture<Integer> two = expiry.expireDue().subscribeAsCompletionStage();
        one.get(10, TimeUnit.SECONDS);
        two.get(10, TimeUnit.SECONDS);
        as(sales).get(QUOTES + "/" + id + "/history").then()
                .body("items.findAll { it.action == 'EXPIRED' }", hasSize(1));
        as(sales).get(QUOTES + "/" + id).then().body("status", equalTo("EXPIRED")).header("ETag", "\"2\"");
        // revising an expired quote makes a new revision to send again
        as(sales).header("If-Match", "\"2\"").body(Quotes.forCar(lead, car, null)).put(QUOTES + "/" + id).then()
                .statusCode(200).body("revision", equalTo(2)).body("status", equalTo("DRAFT"));
        as(sales).get(QUOTES + "/" + id + "/revisions").then().body("items[0].status", equalTo("EXPIRED"));
    }

    @Test
    void aFactoryOrderWithoutCostNeedsApprovalAndOnlyManagersGiveTheCost() {
        String lead = Leads.createNew(sales);
        Map<String, Object> body = Map.of("leadId", lead, "configuration", Map.of("make", "比亚迪", "model", "仰望 U8",
                "trim", "豪华版", "colour", "墨玉黑", "price", cny("1098000.00")),
                "factoryOptions", List.of(Map.of("name", "越野套件", "price", cny("38000.00"))));
        Quotes.create(sales, body).then().statusCode(201).body("status", equalTo("PENDING_APPROVAL"))
                .body("approval.reasons", contains("COST_UNKNOWN"))
                .body("priced.vehicle.factoryOrder", equalTo(true))
                .body("priced.totals.listPrice.amount", equalTo("1136000.00"));
        Map<String, Object> withCost = new java.util.HashMap<>(body);
        withCost.put("configuration", Map.of("make", "比亚迪", "model", "仰望 U8", "price", cny("1098000.00"),
                "cost", cny("1000000.00")));
        assertProblem(Quotes.create(sales, withCost), 403, "forbidden");
        // 1136000 − 1000000 = 136000 = 11.97 %
        as(manager).body(Map.of("leadId", Leads.createNew(manager), "configuration", withCost.get("configuration"),
                "factoryOptions", body.get("factoryOptions"))).post(QUOTES).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("profit.grossMarginPercent", equalTo("11.97"));
        // exactly one of vehicleId and configuration
        assertProblem(Quotes.create(sales, Map.of("leadId", lead)), 400, "validation-failed");
    }

    @Test
    void badQuotesChangeNothing() {
        String lead = Leads.createNew(sales);
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        assertProblem(Quotes.create(sales, Map.of("leadId", lead, "vehicleId", UUID.randomUUID().toString())), 422,
                "unknown-vehicle");
        Map<String, Object> usd = Quotes.forCar(lead, car, null);
        usd.put("services", List.of(Map.of("kind", "INSURANCE", "price", Map.of("amount", "1.00", "currency",
                "USD"))));
        assertProblem(Quotes.create(sales, usd), 400, "validation-failed");
        Map<String, Object> both = Quotes.forCar(lead, car, null);
        both.put("discount", Map.of("amount", cny("1.00"), "percent", "1.00", "reason", "x"));
        assertProblem(Quotes.create(sales, both), 400, "validation-failed");
        Map<String, Object> tooMuch = Quotes.forCar(lead, car, null);
        tooMuch.put("tradeIn", Map.of("make", "宝马", "model", "X5", "appraisedValue", cny("300000.00"),
                "allowance", cny("300000.00")));
        assertProblem(Quotes.create(sales, tooMuch), 422, "trade-in-exceeds-price");
        Map<String, Object> huge = Quotes.forCar(lead, car, null);
        huge.put("accessories", List.of(Map.of("name", "金条", "quantity", 99, "unitPrice",
                cny("9999999999999.99"))));
        assertProblem(Quotes.create(sales, huge), 422, "amount-too-large");
        String demoCar = Quotes.stockCar(finance, "150000.00", "140000.00");
        as(finance).body(Map.of("status", "DEMO")).post("/api/v1/vehicles/" + demoCar + "/status").then()
                .statusCode(200);
        assertProblem(Quotes.create(sales, Quotes.forCar(lead, demoCar, null)), 422, "vehicle-not-for-sale");
        Map<String, Object> longLoan = Quotes.forCar(lead, car, null);
        longLoan.put("financing", Map.of("downPayment", cny("1000.00"), "termMonths", 72, "annualRatePercent", "3"));
        assertProblem(Quotes.create(sales, longLoan), 400, "validation-failed");
        // a lost lead takes no quotes, and its quotes are not sent
        String drafted = Quotes.create(sales, Quotes.forCar(lead, car, null)).then().statusCode(201).extract()
                .path("id");
        Leads.act(sales, lead, "contact").then().statusCode(200);
        as(sales).body(Map.of("reason", "买了别家")).post(Leads.LEADS + "/" + lead + "/lose").then().statusCode(200);
        assertProblem(Quotes.create(sales, Quotes.forCar(lead, car, null)), 409, "lead-closed");
        assertProblem(as(sales).post(QUOTES + "/" + drafted + "/send"), 409, "lead-closed");
        as(manager).get(QUOTES + "?leadId=" + lead).then().body("items", hasSize(1))
                .body("items[0].status", equalTo("DRAFT"));
    }

    @Test
    void theCustomersDocumentIsAPdfInChineseWithTotalsAndNoMargin() throws Exception {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.create(sales, Leads.walkIn("欧阳文静", Api.newPhone())).then().statusCode(201).extract()
                .path("id");
        Map<String, Object> body = Quotes.forCar(lead, car, "5000.00");
        body.put("financing", Map.of("lender", "比亚迪汽车金融", "downPayment", cny("60000.00"), "termMonths", 36,
                "annualRatePercent", "0", "fees", List.of(Map.of("name", "贷款手续费", "amount", cny("1500.00")))));
        body.put("notes", "赠送首保一次 🎁");
        String id = Quotes.create(sales, body).then().statusCode(201).extract().path("id");
        // the parsed font is kept and lent to one document at a time: a second document comes out the same
        byte[] first = as(sales).accept("application/pdf").get(QUOTES + "/" + id + "/document").then().statusCode(200)
                .extract().asByteArray();
        Response response = as(sales).accept("application/pdf").get(QUOTES + "/" + id + "/document");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf"));
        byte[] pdf = response.asByteArray();
        assertTrue(pdf.length < 200_000, "a subset of the font, not all of it: " + pdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("欧阳文静"), text);
            assertTrue(text.contains("报价单"), text);
            // total 201999.00 + fee 1500.00 = 203499.00; financed 143499.00 over 36 = 3986.08
            assertTrue(text.contains("¥203,499.00"), text);
            assertTrue(text.contains("¥206,999.00"), text);
            assertTrue(text.contains("-¥5,000.00"), text);
            assertTrue(text.contains("¥3,986.08"), text);
            assertTrue(text.contains("赠送首保一次"), text);
            assertFalse(text.contains("185,000"), "no cost on the customer's document");
            assertFalse(text.contains("毛利"), text);
        }
        try (PDDocument document = Loader.loadPDF(first)) {
            assertTrue(new PDFTextStripper().getText(document).contains("欧阳文静"));
        }
        as(Tokens.staff(dealer, "sales")).get(QUOTES + "/" + id + "/document").then().statusCode(404);
        as(Tokens.staff(dealer, "customer-service")).get(QUOTES + "/" + id + "/document").then().statusCode(403);
    }

    @Test
    void theListFiltersByStatusAndPagesWithACursor() {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        for (int i = 0; i < 3; i++) {
            Quotes.create(sales, Quotes.forCar(lead, car, null)).then().statusCode(201);
        }
        Quotes.create(sales, Quotes.forCar(lead, car, "9000.00")).then().statusCode(201);
        Response first = as(manager).get(QUOTES + "?limit=2&leadId=" + lead);
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        as(manager).get(QUOTES + "?limit=2&leadId=" + lead + "&cursor=" + first.path("nextCursor")).then()
                .body("items", hasSize(2)).body("nextCursor", nullValue());
        as(manager).get(QUOTES + "?status=PENDING_APPROVAL&leadId=" + lead).then().body("items", hasSize(1));
        as(manager).get(QUOTES + "?status=DRAFT&status=PENDING_APPROVAL&leadId=" + lead).then()
                .body("items", hasSize(4));
        assertProblem(as(manager).get(QUOTES + "?status=BOGUS"), 400, "validation-failed");
        as(sales).get(QUOTES + "?salesperson=me&leadId=" + lead).then().body("items", hasSize(4))
                .body("items.status", hasItem("PENDING_APPROVAL"));
        assertEquals(4, as(manager).get(QUOTES + "?salesperson=" + sales.id() + "&leadId=" + lead).then()
                .extract().jsonPath().getList("items").size());
        // a page is one SQL statement, whatever its size (the fewest of three: a periodic job may run alongside)
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = com.dealerops.support.DatabaseProxy.statementsExecuted();
            as(manager).get(QUOTES + "?leadId=" + lead).then().statusCode(200).body("items", hasSize(4));
            fewest = Math.min(fewest, com.dealerops.support.DatabaseProxy.statementsExecuted() - before);
        }
        assertEquals(1, fewest, "SQL statements for a page of four quotes");
    }
}
