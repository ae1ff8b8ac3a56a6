package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Cursor pages: no duplicates and no gaps even while rows are inserted between pages. */
@QuarkusTest
class PaginationTest {

    @Test
    void pagingNewestFirstWhileInsertingSeesEveryOldRowOnce() {
        Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            existing.add(Api.createCustomer(sales));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(sales).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(CUSTOMERS);
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                String link = page.header("Link");
                assertNotNull(link);
                assertTrue(link.startsWith("</api/v1/customers?") && link.endsWith(">; rel=\"next\""), link);
                assertTrue(link.contains("limit=10"), link);
            }
            Api.createCustomer(sales); // a newer row appears between pages
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates");
        List<String> newestFirst = new ArrayList<>(existing);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "every row that existed, newest first, no gaps");
    }

    @Test
    void everySortOrderPagesThroughAllRows() {
        Tokens.Staff manager = Tokens.staff(Tokens.newDealer(), "sales-manager");
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            all.add(Api.createCustomer(manager, Api.customer(i % 2 == 0 ? "同名" : "名" + i, Api.newPhone()))
                    .path("id"));
        }
        for (String sort : List.of("createdAt", "-createdAt", "updatedAt", "-updatedAt", "name", "-name")) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            do {
                var request = as(manager).queryParam("limit", 3).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.get(CUSTOMERS);
                List<String> ids = page.path("items.id");
                ids.forEach(id -> assertTrue(seen.add(id), sort + ": duplicate " + id));
                cursor = page.path("nextCursor");
            } while (cursor != null);
            assertEquals(all, seen, sort);
        }
    }

    @Test
    void theLastPageHasNoCursorAndACursorIsBoundToItsSort() {
        Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
        Api.createCustomer(sales);
        Api.createCustomer(sales);
        as(sales).queryParam("limit", 5).get(CUSTOMERS).then().body("items", hasSize(2))
                .body("nextCursor", nullValue()).header("Link", nullValue());
        String cursor = as(sales).queryParam("limit", 1).get(CUSTOMERS).path("nextCursor");
        as(sales).queryParam("sort", "name").queryParam("cursor", cursor).get(CUSTOMERS).then().statusCode(400);
    }
}
