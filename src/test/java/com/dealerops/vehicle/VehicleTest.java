package com.dealerops.vehicle;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Tokens;
import com.dealerops.support.Vins;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class VehicleTest {

    static final String VEHICLES = "/api/v1/vehicles";

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");

    static Map<String, Object> vehicle(String vin, String model, String listPrice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", vin);
        body.put("make", "BYD");
        body.put("model", model);
        body.put("exteriorColour", "白");
        body.put("initialStatus", "IN_STOCK");
        body.put("location", "A区-12");
        body.put("listPrice", Map.of("amount", listPrice, "currency", "CNY"));
        body.put("costPrice", Map.of("amount", "150000.00", "currency", "CNY"));
        body.put("supplier", "比亚迪汽车销售有限公司");
        body.put("purchaseDate", "2026-10-15");
        body.put("stockNumber", "SN-" + UUID.randomUUID().toString().substring(0, 8));
        return body;
    }

    String create(Map<String, Object> body) {
        return as(finance).body(body).post(VEHICLES).then().statusCode(201).extract().path("id");
    }

    @Test
    void aVinIsCheckedAndUniquePerDealer() {
        String vin = Vins.random();
        Response created = as(finance).body(vehicle(vin.toLowerCase(), "Seal", "189800")).post(VEHICLES);
        created.then().statusCode(201).body("vin", equalTo(vin)).body("status", equalTo("IN_STOCK"))
                .body("listMargin.amount", equalTo("39800.00")).body("listMarginPercent", equalTo(20.97f))
                .body("stockAgeDays", equalTo(0));
        assertProblem(as(finance).body(vehicle(vin, "Seal", "189800")).post(VEHICLES), 409, "duplicate-vin")
                .body("existingVehicleId", equalTo(created.path("id")));
        // another dealer may have the same VIN (a car traded between stores)
        as(Tokens.staff(Tokens.newDealer(), "finance")).body(vehicle(vin, "Seal", "189800")).post(VEHICLES).then()
                .statusCode(201);
        String wrongCheckDigit = vin.substring(0, 8) + (vin.charAt(8) == '1' ? '2' : '1') + vin.substring(9);
        assertProblem(as(finance).body(vehicle(wrongCheckDigit, "Seal", "189800")).post(VEHICLES), 400,
                "validation-failed").body("errors[0].field", equalTo("vin"))
                .body("errors[0].message", containsString("position 9"));
        assertProblem(as(finance).body(vehicle("1M8GDM9AXKP04278Q", "Seal", "189800")).post(VEHICLES), 400,
                "validation-failed").body("errors[0].message", containsString("position 17"));
        assertProblem(as(finance).body(vehicle("1M8GDM9AXKP0427", "Seal", "189800")).post(VEHICLES), 400,
                "validation-failed").body("errors[0].message", containsString("17 characters"));
        as(finance).body(vehicle("1M8GDM9AXKP042788", "Seal", "189800")).post(VEHICLES).then().statusCode(201);
    }

    @Test
    void eachRoleSeesTheFieldsItMay() {
        String id = create(vehicle(Vins.random(), "Seal", "189800"));
        for (String role : List.of("finance", "sales-manager", "admin")) {
            as(Tokens.staff(dealer, role)).get(VEHICLES + "/" + id).then().statusCode(200)
                    .body("costPrice.amount", equalTo("150000.00")).body("supplier", equalTo("比亚迪汽车销售有限公司"))
                    .body("listMargin.amount", equalTo("39800.00"));
        }
        as(finance).get(VEHICLES + "/" + id).then().body("purchaseDate", equalTo("2026-10-15"))
                .body("stockNumber", org.hamcrest.Matchers.startsWith("SN-"));
        List<String> costFields = List.of("costPrice", "listMargin", "listMarginPercent", "supplier", "purchaseDate");
        for (String role : List.of("sales", "after-sales", "customer-service")) {
            io.restassured.response.ValidatableResponse one = as(Tokens.staff(dealer, role)).get(VEHICLES + "/" + id)
                    .then().statusCode(200).body("location", equalTo("A区-12"));
            io.restassured.response.ValidatableResponse list = as(Tokens.staff(dealer, role)).get(VEHICLES).then()
                    .statusCode(200).body("items.id", hasItem(id));
            for (String field : costFields) {
                one.body("$", not(hasKey(field)));
                list.body("items.findAll { it.containsKey('" + field + "') }", hasSize(0));
            }
        }
        Tokens.Staff portal = Tokens.staff(dealer, "integration");
        io.restassured.response.ValidatableResponse publicView = as(portal).get(VEHICLES + "/" + id).then()
                .statusCode(200).body("listPrice.amount", equalTo("189800.00")).body("vin", notNullValue());
        io.restassured.response.ValidatableResponse publicList = as(portal).get(VEHICLES).then().statusCode(200)
                .body("items.id", hasItem(id));
        for (String field : List.of("costPrice", "listMargin", "listMarginPercent", "supplier", "purchaseDate",
                "location", "stockNumber", "arrivalDate", "stockAgeDays", "createdAt", "updatedAt", "nextStatuses")) {
            publicView.body("$", not(hasKey(field)));
            publicList.body("items.findAll { it.containsKey('" + field + "') }", hasSize(0));
        }
        assertProblem(as(portal).queryParam("minStockAgeDays", 1).get(VEHICLES), 400, "validation-failed");
        String since = java.time.OffsetDateTime.now().minusMinutes(5).toString();
        as(finance).body(Map.of("status", "DEMO")).post(VEHICLES + "/" + id + "/status").then().statusCode(200);
        assertProblem(as(portal).get(VEHICLES + "/" + id), 404, "not-found");
        // a third party syncing changes learns that the car left public stock, and nothing else about it
        as(portal).queryParam("updatedSince", since).queryParam("limit", 100).get(VEHICLES).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.deleted", equalTo(true))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("status")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("vin")));
        as(portal).queryParam("limit", 100).get(VEHICLES).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(portal).queryParam("status", "DEMO").get(VEHICLES).then().statusCode(200).body("items", hasSize(0));
        // writes are for finance and admin
        for (String role : List.of("sales", "sales-manager", "after-sales", "customer-service", "integration")) {
            assertProblem(as(Tokens.staff(dealer, role)).body(vehicle(Vins.random(), "Seal", "1")).post(VEHICLES), 403,
                    "forbidden");
        }
        as(Tokens.staff(dealer, "admin")).body(vehicle(Vins.random(), "Seal", "1")).post(VEHICLES).then().statusCode(201);
        assertProblem(as(sales).get(VEHICLES + "/ageing"), 403, "forbidden");
        assertProblem(as(sales).get(VEHICLES + "/" + id + "/history"), 403, "forbidden");
    }

    @Test
    void statusChangesFollowTheirRulesAndASaleIsUndoneOnlyByAManagerWithAReason() {
        String id = create(vehicle(Vins.random(), "Seal", "189800"));
        String path = VEHICLES + "/" + id + "/status";
        assertProblem(as(finance).body(Map.of("status", "SOLD")).post(path), 409, "illegal-transition")
                .body("currentStatus", equalTo("IN_STOCK"))
                .body("allowedStatuses", equalTo(List.of("RESERVED", "DEMO", "UNAVAILABLE")));
        assertProblem(as(finance).body(Map.of("status", "UNAVAILABLE")).post(path), 400, "validation-failed");
        assertProblem(as(sales).body(Map.of("status", "RESERVED")).post(path), 403, "forbidden");
        as(manager).body(Map.of("status", "RESERVED")).post(path).then().statusCode(200)
                .body("status", equalTo("RESERVED"));
        assertProblem(as(manager).body(Map.of("status", "SOLD")).post(path), 403, "forbidden");
        as(finance).body(Map.of("status", "SOLD")).post(path).then().statusCode(200).body("status", equalTo("SOLD"))
                .body("$", not(hasKey("stockAgeDays")));
        assertProblem(as(finance).body(Map.of("status", "IN_STOCK", "reason", "客户退订")).post(path), 403,
                "forbidden");
        assertProblem(as(manager).body(Map.of("status", "IN_STOCK")).post(path), 400, "validation-failed");
        as(manager).body(Map.of("status", "IN_STOCK", "reason", "客户退订, 经理批准撤销")).post(path).then()
                .statusCode(200).body("status", equalTo("IN_STOCK"));
        as(finance).get(VEHICLES + "/" + id + "/history").then().statusCode(200)
                .body("items.changes.reason.to", hasItem("客户退订, 经理批准撤销"));
        as(finance).body(Map.of("status", "UNAVAILABLE", "reason", "漆面受损, 待修")).post(path).then()
                .statusCode(200).body("unavailableReason", equalTo("漆面受损, 待修"));
        assertProblem(as(finance).header("If-Match", "\"1\"").body(Map.of("status", "IN_STOCK")).post(path), 412,
                "stale-version");
        as(finance).body(Map.of("status", "IN_STOCK")).post(path).then().statusCode(200)
                .body("$", not(hasKey("unavailableReason")));
    }

    @Test
    void whatTheReviewFound() {
        // a car held back on its way has no arrival date
        Map<String, Object> coming = vehicle(Vins.random(), "Seal", "189800");
        coming.put("initialStatus", "IN_TRANSIT");
        String inTransit = create(coming);
        as(finance).body(Map.of("status", "UNAVAILABLE", "reason", "运输途中受损"))
                .post(VEHICLES + "/" + inTransit + "/status").then().statusCode(200)
                .body("status", equalTo("UNAVAILABLE"));
        as(finance).body(Map.of("status", "IN_STOCK")).post(VEHICLES + "/" + inTransit + "/status").then()
                .statusCode(200).body("arrivalDate", notNullValue());
        // prices are in the dealer's currency
        Map<String, Object> dollars = vehicle(Vins.random(), "Seal", "50000");
        dollars.put("listPrice", Map.of("amount", "50000", "currency", "USD"));
        dollars.remove("costPrice");
        assertProblem(as(finance).body(dollars).post(VEHICLES), 400, "validation-failed")
                .body("errors[0].field", equalTo("listPrice.currency"));
        // a blank make is a 400 naming it, not a database rule
        assertProblem(as(finance).header("If-Match", "\"2\"").contentType(com.dealerops.support.Api.MERGE_PATCH)
                .body(Map.of("make", "   ")).patch(VEHICLES + "/" + inTransit), 400, "validation-failed");
        // a tampered cursor is a 400
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"k\":\"listPrice\",\"v\":\"1E+1000000\",\"id\":\"" + UUID.randomUUID() + "\"}").getBytes());
        assertProblem(as(sales).queryParam("sort", "listPrice").queryParam("cursor", forged).get(VEHICLES), 400,
                "validation-failed");
        // stock age is the time on the lot: a sold car has none
        Map<String, Object> old = vehicle(Vins.random(), "Model-" + UUID.randomUUID(), "100000");
        old.put("arrivalDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200).toString());
        String sold = create(old);
        as(finance).body(Map.of("status", "RESERVED")).post(VEHICLES + "/" + sold + "/status").then().statusCode(200);
        as(finance).body(Map.of("status", "SOLD")).post(VEHICLES + "/" + sold + "/status").then().statusCode(200);
        as(sales).queryParam("model", old.get("model")).queryParam("minStockAgeDays", 100).get(VEHICLES).then()
                .body("items", hasSize(0));
    }

    @Test
    void searchByModelColourStatusPriceAndAgeWithSortsAndPages() {
        String model = "Model-" + UUID.randomUUID().toString().substring(0, 8);
        String cheap = create(vehicle(Vins.random(), model, "120000"));
        String mid = create(vehicle(Vins.random(), model, "150000"));
        Map<String, Object> old = vehicle(Vins.random(), model, "180000");
        old.put("arrivalDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(100).toString());
        old.put("exteriorColour", "红");
        String aged = create(old);
        Map<String, Object> coming = vehicle(Vins.random(), model, "200000");
        coming.put("initialStatus", "IN_TRANSIT");
        String transit = create(coming);
        as(sales).queryParam("model", model.toUpperCase()).queryParam("sort", "listPrice").get(VEHICLES).then()
                .statusCode(200).body("items.id", equalTo(List.of(cheap, mid, aged, transit)));
        as(sales).queryParam("model", model).queryParam("status", "IN_STOCK").queryParam("minPrice", "130000")
                .queryParam("maxPrice", "190000").queryParam("sort", "-listPrice").get(VEHICLES).then()
                .body("items.id", equalTo(List.of(aged, mid)));
        as(sales).queryParam("model", model).queryParam("colour", "红").get(VEHICLES).then()
                .body("items.id", equalTo(List.of(aged)));
        as(sales).queryParam("model", model).queryParam("minStockAgeDays", 90).get(VEHICLES).then()
                .body("items.id", equalTo(List.of(aged))).body("items[0].stockAgeDays", equalTo(100));
        as(sales).queryParam("model", model).queryParam("maxStockAgeDays", 10).queryParam("sort", "listPrice")
                .get(VEHICLES).then().body("items.id", equalTo(List.of(cheap, mid)));
        Response first = as(sales).queryParam("model", model).queryParam("sort", "listPrice").queryParam("limit", 3)
                .get(VEHICLES);
        first.then().body("items", hasSize(3));
        as(sales).queryParam("model", model).queryParam("sort", "listPrice").queryParam("limit", 3)
                .queryParam("cursor", (String) first.path("nextCursor")).get(VEHICLES).then()
                .body("items.id", equalTo(List.of(transit)));
        assertProblem(as(sales).queryParam("minPrice", "abc").get(VEHICLES), 400, "validation-failed");
        assertProblem(as(sales).queryParam("status", "PARKED").get(VEHICLES), 400, "validation-failed");
        assertProblem(as(sales).queryParam("minStockAgeDays", "-1").get(VEHICLES), 400, "validation-failed");
    }

    @Test
    void ageingCountsTheLotInBucketsAsOfTheDealersToday() {
        Tokens.Staff isolatedFinance = Tokens.staff(Tokens.newDealer(), "finance");
        LocalDate today = LocalDate.of(2026, 11, 28);
        QuarkusMock.installMockForType(Clock.fixed(today.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant(), ZoneOffset.UTC), Clock.class);
        int[] ages = { 0, 30, 31, 60, 61, 90, 91, 400 };
        for (int age : ages) {
            Map<String, Object> body = vehicle(Vins.random(), "Seal", "100000");
            body.put("arrivalDate", today.minusDays(age).toString());
            if (age == 400) {
                body.remove("costPrice");
            }
            as(isolatedFinance).body(body).post(VEHICLES).then().statusCode(201);
        }
        Map<String, Object> sold = vehicle(Vins.random(), "Seal", "100000");
        String soldId = as(isolatedFinance).body(sold).post(VEHICLES).then().statusCode(201).extract().path("id");
        as(isolatedFinance).body(Map.of("status", "RESERVED")).post(VEHICLES + "/" + soldId + "/status").then()
                .statusCode(200);
        as(isolatedFinance).body(Map.of("status", "SOLD")).post(VEHICLES + "/" + soldId + "/status").then()
                .statusCode(200);
        Map<String, Object> transit = vehicle(Vins.random(), "Seal", "100000");
        transit.put("initialStatus", "IN_TRANSIT");
        as(isolatedFinance).body(transit).post(VEHICLES).then().statusCode(201);

        Response report = as(isolatedFinance).get(VEHICLES + "/ageing");
        report.then().statusCode(200).body("asOf", equalTo("2026-11-28"))
                .body("buckets.ageDays", equalTo(List.of("0-30", "31-60", "61-90", ">90")))
                .body("buckets.vehicles", equalTo(List.of(2, 2, 2, 2)))
                .body("buckets[0].listValue.amount", equalTo("200000.00"))
                .body("buckets[3].costValue.amount", equalTo("150000.00"))
                .body("buckets[3].withoutCost", equalTo(1))
                .body("total.vehicles", equalTo(8))
                .body("total.listValue.amount", equalTo("800000.00"))
                .body("total.costValue.amount", equalTo("1050000.00"));
        assertEquals(8, (int) report.path("total.vehicles"));
    }
}
