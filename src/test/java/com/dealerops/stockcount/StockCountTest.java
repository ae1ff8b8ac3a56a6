package com.dealerops.stockcount;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Tokens;
import com.dealerops.support.Vins;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StockCountTest {

    private static final String COUNTS = "/api/v1/stock-counts";
    private static final String VEHICLES = "/api/v1/vehicles";

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");

    @Test
    void aCountFindsWhatIsMissingUnknownAndMisplacedAndThenNeverChanges() {
        String a = vehicle("IN_STOCK");
        String b = vehicle("DEMO");
        String c = vehicle("IN_STOCK");
        String d = vehicle("SOLD");
        String unknown = Vins.random();

        String count = as(finance).body(Map.of("note", "月末盘点")).post(COUNTS).then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
        assertProblem(as(finance).body(Map.of()).post(COUNTS), 409, "stock-count-open")
                .body("openCountId", equalTo(count));

        String scans = COUNTS + "/" + count + "/scans";
        as(finance).body(Map.of("vin", vinOf(a).toLowerCase(), "location", "A区-01")).post(scans).then()
                .statusCode(201).body("scanned", equalTo(1)).body("vin", equalTo(vinOf(a)));
        as(finance).body(Map.of("vin", vinOf(a), "location", "B区-09")).post(scans).then().statusCode(200)
                .body("location", equalTo("A区-01")).body("scanned", equalTo(1));
        for (String vin : List.of(vinOf(b), vinOf(d), unknown)) {
            as(finance).body(Map.of("vin", vin)).post(scans).then().statusCode(201);
        }
        String misread = unknown.substring(0, 8) + (unknown.charAt(8) == '1' ? '2' : '1') + unknown.substring(9);
        assertProblem(as(finance).body(Map.of("vin", misread)).post(scans), 400, "validation-failed")
                .body("detail", containsString("position 9"));

        as(finance).post(COUNTS + "/" + count + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("discrepancies.expected", equalTo(3))
                .body("discrepancies.scanned", equalTo(4))
                .body("discrepancies.missing.vin", equalTo(List.of(vinOf(c))))
                .body("discrepancies.missing[0].vehicleId", equalTo(c))
                .body("discrepancies.notInSystem.vin", equalTo(List.of(unknown)))
                .body("discrepancies.notInStock.vin", equalTo(List.of(vinOf(d))))
                .body("discrepancies.notInStock[0].status", equalTo("SOLD"));

        // closed: no more scans, no second close, and the findings stay as they were
        assertProblem(as(finance).body(Map.of("vin", vinOf(c))).post(scans), 409, "stock-count-closed");
        assertProblem(as(finance).post(COUNTS + "/" + count + "/close"), 409, "stock-count-closed");
        as(finance).body(Map.of("status", "RESERVED")).post(VEHICLES + "/" + c + "/status").then().statusCode(200);
        as(finance).get(COUNTS + "/" + count).then().statusCode(200)
                .body("discrepancies.missing.vin", equalTo(List.of(vinOf(c))));
        // the next count can start
        as(finance).body(Map.of()).post(COUNTS).then().statusCode(201);
        as(finance).get(COUNTS).then().statusCode(200).body("items", hasSize(2))
                .body("items[1].id", equalTo(count));
    }

    @Test
    void scansRacingACloseAreEitherInItsFindingsOrRefused() throws Exception {
        String count = as(finance).body(Map.of()).post(COUNTS).then().statusCode(201).extract().path("id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Callable<Integer>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String vin = Vins.random();
                work.add(() -> as(finance).body(Map.of("vin", vin)).post(COUNTS + "/" + count + "/scans").statusCode());
                if (i == 10) {
                    work.add(() -> as(finance).post(COUNTS + "/" + count + "/close").statusCode());
                }
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(work)) {
                statuses.add(status.get());
            }
            long recorded = statuses.stream().filter(s -> s == 201).count();
            org.junit.jupiter.api.Assertions.assertEquals(21, statuses.stream().filter(s -> s == 201 || s == 409
                    || s == 200).count(), statuses.toString());
            as(finance).get(COUNTS + "/" + count).then().body("status", equalTo("CLOSED"))
                    .body("discrepancies.scanned", equalTo((int) recorded))
                    .body("discrepancies.notInSystem", hasSize((int) recorded));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyFinanceAndAdminCount() {
        String count = as(Tokens.staff(dealer, "admin")).body(Map.of()).post(COUNTS).then().statusCode(201)
                .extract().path("id");
        for (String role : List.of("sales", "sales-manager", "after-sales", "customer-service", "integration")) {
            Tokens.Staff other = Tokens.staff(dealer, role);
            assertProblem(as(other).get(COUNTS + "/" + count), 403, "forbidden");
            assertProblem(as(other).body(Map.of("vin", Vins.random())).post(COUNTS + "/" + count + "/scans"), 403,
                    "forbidden");
        }
        assertProblem(as(Tokens.staff(Tokens.newDealer(), "finance")).get(COUNTS + "/" + count), 404, "not-found");
    }

    private String vehicle(String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", Vins.random());
        body.put("make", "BYD");
        body.put("model", "Seal");
        body.put("initialStatus", "IN_STOCK");
        body.put("listPrice", Map.of("amount", "189800", "currency", "CNY"));
        String id = as(finance).body(body).post(VEHICLES).then().statusCode(201).extract().path("id");
        List<String> path = switch (status) {
            case "DEMO" -> List.of("DEMO");
            case "SOLD" -> List.of("RESERVED", "SOLD");
            default -> List.of();
        };
        for (String next : path) {
            as(finance).body(Map.of("status", next)).post(VEHICLES + "/" + id + "/status").then().statusCode(200);
        }
        return id;
    }

    private String vinOf(String vehicleId) {
        return as(finance).get(VEHICLES + "/" + vehicleId).path("vin");
    }
}
