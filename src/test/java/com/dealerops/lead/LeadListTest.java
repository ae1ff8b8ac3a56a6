package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.DatabaseProxy;
import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LeadListTest {

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff otherSales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");

    @Test
    void aPageOfFiftyIsOneStatementWithEachRowsCustomer() {
        for (int i = 0; i < 55; i++) {
            Leads.create(sales, Leads.walkIn("客户" + i, Api.newPhone())).then().statusCode(201);
        }
        as(sales).queryParam("limit", 50).get(LEADS).then().statusCode(200); // registers the caller, warms up
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the fewest of three: a periodic job may run alongside
            long before = DatabaseProxy.statementsExecuted();
            Response page = as(sales).queryParam("assignee", "me").queryParam("limit", 50).get(LEADS);
            long statements = DatabaseProxy.statementsExecuted() - before;
            page.then().statusCode(200).body("items", hasSize(50))
                    .body("items.customer.name", everyItem(notNullValue()))
                    .body("items.customer.maskedPhone", everyItem(org.hamcrest.Matchers.containsString("****")))
                    .body("items.customer.phone", everyItem(org.hamcrest.Matchers.nullValue()))
                    .body("nextCursor", notNullValue());
            fewest = Math.min(fewest, statements);
        }
        assertEquals(1, fewest, "SQL statements for a page of 50 leads");
    }

    @Test
    void salespeopleSeeTheirOwnAndThePoolManagersAndCustomerServiceSeeAll() {
        Tokens.Staff portal = Tokens.staff(dealer, "integration");
        String mine = Leads.createNew(sales);
        String theirs = Leads.createNew(otherSales);
        String pool = Leads.create(portal, Leads.walkIn("客户", Api.newPhone())).then().statusCode(201)
                .extract().path("id");
        List<String> seen = as(sales).queryParam("limit", 100).get(LEADS).path("items.id");
        assertEquals(true, seen.contains(mine) && seen.contains(pool) && !seen.contains(theirs));
        as(sales).queryParam("assignee", "me").get(LEADS).then().body("items.id", equalTo(List.of(mine)));
        as(sales).queryParam("assignee", otherSales.id().toString()).get(LEADS).then().body("items", hasSize(0));
        as(sales).queryParam("assignee", "none").get(LEADS).then().body("items.id", equalTo(List.of(pool)));
        for (Tokens.Staff all : List.of(manager, Tokens.staff(dealer, "customer-service"))) {
            as(all).queryParam("limit", 100).get(LEADS).then().statusCode(200)
                    .body("items", hasSize(3)).body("items.id", hasItem(theirs));
        }
        as(manager).queryParam("assignee", otherSales.id().toString()).get(LEADS).then()
                .body("items.id", equalTo(List.of(theirs)));
    }

    @Test
    void filtersSortAndCursorPages() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Leads.walkIn("热客户" + i, Api.newPhone());
            body.put("timeframe", Map.of("latest", today.plusDays(3).toString()));
            body.put("nextFollowUpAt", today.plusDays(i + 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                    .toOffsetDateTime().toString());
            hot.add(Leads.create(sales, body).then().statusCode(201).extract().path("id"));
        }
        String cold = Leads.createNew(sales);
        Leads.act(sales, cold, "contact").then().statusCode(200);
        as(sales).queryParam("grade", "H").get(LEADS).then().body("items.id", equalTo(hot));
        as(sales).queryParam("status", "CONTACTED").get(LEADS).then().body("items.id", equalTo(List.of(cold)));
        as(sales).queryParam("status", "NEW,CONTACTED").queryParam("grade", "H", "C").get(LEADS).then()
                .body("items", hasSize(4));
        String dueBefore = today.plusDays(2).atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime()
                .toString();
        as(sales).queryParam("grade", "H").queryParam("dueBefore", dueBefore).get(LEADS).then()
                .body("items.id", equalTo(hot.subList(0, 2)));
        as(sales).queryParam("grade", "H").queryParam("sort", "-nextFollowUpAt").get(LEADS).then()
                .body("items.id", equalTo(List.of(hot.get(2), hot.get(1), hot.get(0))));
        Response first = as(sales).queryParam("grade", "H").queryParam("limit", 2).get(LEADS);
        first.then().body("items.id", equalTo(hot.subList(0, 2))).header("Link", notNullValue());
        as(sales).queryParam("grade", "H").queryParam("limit", 2).queryParam("cursor", (String) first.path(
                "nextCursor")).get(LEADS).then().body("items.id", equalTo(List.of(hot.get(2))));
        assertProblem(as(sales).queryParam("status", "OPEN").get(LEADS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("sort", "name").get(LEADS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("dueBefore", "tomorrow").get(LEADS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("assignee", "him").get(LEADS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("colour", "red").get(LEADS), 400, "validation-failed");
        as(sales).queryParam("updatedSince", java.time.OffsetDateTime.now().minusMinutes(10).toString()).get(LEADS)
                .then().statusCode(200).body("items", not(hasSize(0)));
    }
}
