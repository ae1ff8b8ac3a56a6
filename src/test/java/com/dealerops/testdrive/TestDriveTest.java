package com.dealerops.testdrive;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;
import com.dealerops.support.Vins;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class TestDriveTest {

    private static final String DRIVES = "/api/v1/test-drives";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TOMORROW = LocalDate.now(SHANGHAI).plusDays(1);

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");

    @Test
    void aCarOrASalespersonIsNeverBookedTwiceForOverlappingTimes() {
        String car = demoCar();
        String otherCar = demoCar();
        String lead = Leads.createNew(sales);
        String first = book(sales, Map.of("leadId", lead), car, at(10, 0), at(10, 45)).then().statusCode(201)
                .body("status", equalTo("SCHEDULED")).body("salespersonId", equalTo(sales.id().toString()))
                .extract().path("id");
        Tokens.Staff colleague = registered("sales");
        Map<String, Object> forColleague = Map.of("customerId", customerOf(colleague), "salespersonId",
                colleague.id().toString());
        assertProblem(book(manager, forColleague, car, at(10, 30), at(11, 0)), 409, "test-drive-clash")
                .body("conflictingTestDriveId", equalTo(first)).body("clashesWith", equalTo("vehicle"));
        // the car needs the dealer's 15 minutes between drives
        assertProblem(book(manager, forColleague, car, at(10, 50), at(11, 20)), 409, "test-drive-clash")
                .body("conflictingTestDriveId", equalTo(first));
        book(manager, forColleague, car, at(11, 0), at(11, 30)).then().statusCode(201);
        // the salesperson cannot be in two cars at once
        assertProblem(book(sales, Map.of("leadId", lead), otherCar, at(10, 15), at(10, 30)), 409,
                "test-drive-clash").body("clashesWith", equalTo("salesperson"))
                .body("conflictingTestDriveId", equalTo(first));
        // cancelling frees the time
        as(sales).body(Map.of("reason", "客户改期")).post(DRIVES + "/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        book(sales, Map.of("leadId", lead), otherCar, at(10, 15), at(10, 30)).then().statusCode(201);
    }

    @Test
    void twentyConcurrentBookingsOfOneSlotGiveExactlyOneDrive() throws Exception {
        String car = demoCar();
        List<Tokens.Staff> team = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            team.add(registered("sales"));
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Tokens.Staff salesperson : team) {
            bodies.add(Map.of("customerId", customerOf(salesperson)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> bookings = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Tokens.Staff salesperson = team.get(i);
                Map<String, Object> body = bodies.get(i);
                int minute = i % 4 * 5; // every slot overlaps every other
                bookings.add(() -> book(salesperson, body, car, at(14, minute), at(14, 30 + minute)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(bookings)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        List<String> booked = as(manager).queryParam("from", at(13, 0)).queryParam("to", at(16, 0)).get(DRIVES)
                .path("items.findAll { it.vehicleId == '" + car + "' }.id");
        assertEquals(1, booked.size());
    }

    @Test
    void aSalespersonBookingTenCarsAtOnceForOverlappingTimesGetsOne() throws Exception {
        List<String> cars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cars.add(demoCar());
        }
        String customer = customerOf(sales);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> bookings = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String car = cars.get(i);
                int minute = i % 3 * 10;
                bookings.add(() -> book(sales, Map.of("customerId", customer), car, at(16, minute),
                        at(16, 30 + minute)).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(bookings)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDriveIsCheckedOutReturnedAndMovesItsLeadOn() {
        String car = demoCar();
        String lead = Leads.createNew(sales);
        Leads.act(sales, lead, "contact").then().statusCode(200);
        String id = book(sales, Map.of("leadId", lead), car, at(9, 0), at(9, 30)).then().statusCode(201)
                .extract().path("id");
        String path = DRIVES + "/" + id;
        Map<String, Object> checkOut = new LinkedHashMap<>(Map.of("licenceNumber", "330106199001011234",
                "licenceExpiresOn", LocalDate.now(SHANGHAI).minusDays(1).toString(),
                "waiverRef", "https://files.example/w.pdf", "waiverSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "odometerOut", 1520));
        assertProblem(as(sales).body(checkOut).post(path + "/start"), 422, "licence-expired");
        assertProblem(as(sales).body(Map.of("odometerIn", 1600)).post(path + "/complete"), 409, "illegal-transition")
                .body("currentStatus", equalTo("SCHEDULED"))
                .body("allowedActions", equalTo(List.of("start", "cancel", "no-show")));
        assertProblem(as(sales).post(path + "/no-show"), 409, "not-started-yet");
        checkOut.put("licenceExpiresOn", "2030-05-31");
        as(sales).body(checkOut).post(path + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("odometerOut", equalTo(1520));
        as(sales).get(Leads.LEADS + "/" + lead).then().body("status", equalTo("TEST_DRIVE"));
        assertProblem(as(sales).body(Map.of("odometerIn", 1500)).post(path + "/complete"), 422, "odometer-backwards");
        as(sales).body(Map.of("odometerIn", 1538, "fuelLevelPercent", 85, "rating", 5, "feedback", "加速很满意",
                "purchaseIntent", "HIGH")).post(path + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("rating", equalTo(5));
        assertProblem(as(sales).body(Map.of("reason", "x")).post(path + "/cancel"), 409, "illegal-transition")
                .body("allowedActions", equalTo(List.of()));
    }

    @Test
    void bookingsOutsideTheRulesAreRefused() {
        String car = demoCar();
        String customer = customerOf(sales);
        Map<String, Object> who = Map.of("customerId", customer);
        assertProblem(book(sales, who, car, at(10, 0), at(10, 10)), 400, "validation-failed");
        assertProblem(book(sales, who, car, at(10, 0), at(13, 30)), 400, "validation-failed");
        assertProblem(book(sales, who, car, at(17, 45), at(18, 15)), 422, "outside-opening-hours");
        String yesterday = LocalDate.now(SHANGHAI).minusDays(1).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime()
                .toString();
        assertProblem(book(sales, who, car, yesterday, OffsetDateTime.parse(yesterday).plusMinutes(30).toString()),
                422, "in-the-past");
        String farAway = LocalDate.now(SHANGHAI).plusDays(60).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime()
                .toString();
        assertProblem(book(sales, who, car, farAway, OffsetDateTime.parse(farAway).plusMinutes(30).toString()),
                422, "beyond-horizon");
        String inStock = vehicle();
        assertProblem(book(sales, who, inStock, at(10, 0), at(10, 30)), 422, "not-a-demo-car");
        Tokens.Staff colleague = registered("sales");
        Map<String, Object> forColleague = Map.of("customerId", customer, "salespersonId", colleague.id().toString());
        assertProblem(book(sales, forColleague, car, at(10, 0), at(10, 30)), 403, "forbidden");
        // a colleague's customer is not one this salesperson may book for
        assertProblem(book(colleague, Map.of("customerId", customer), car, at(10, 0), at(10, 30)), 404, "not-found");
    }

    @Test
    void whoSeesWhichDrives() {
        String id = book(sales, Map.of("customerId", customerOf(sales)), demoCar(), at(15, 0), at(15, 30)).then()
                .statusCode(201).extract().path("id");
        for (String role : List.of("sales-manager", "after-sales", "customer-service")) {
            as(Tokens.staff(dealer, role)).get(DRIVES + "/" + id).then().statusCode(200);
        }
        Tokens.Staff colleague = registered("sales");
        assertProblem(as(colleague).get(DRIVES + "/" + id), 404, "not-found");
        as(colleague).get(DRIVES).then().statusCode(200).body("items.size()", equalTo(0));
        as(sales).get(DRIVES).then().statusCode(200).body("items[0].id", equalTo(id));
        assertProblem(as(colleague).body(Map.of("reason", "x")).post(DRIVES + "/" + id + "/cancel"), 404, "not-found");
        assertProblem(as(Tokens.staff(dealer, "after-sales")).body(Map.of("reason", "x"))
                .post(DRIVES + "/" + id + "/cancel"), 403, "forbidden");
        for (String role : List.of("finance", "admin", "integration")) {
            assertProblem(as(Tokens.staff(dealer, role)).get(DRIVES + "/" + id), 403, "forbidden");
        }
    }

    @Test
    void aTabletSeesFreeSlotsFreeCarsAndItsDayInOneRequest() {
        String car = demoCar();
        String otherCar = demoCar();
        String first = book(sales, Map.of("customerId", customerOf(sales)), car, at(10, 0), at(10, 45)).then()
                .statusCode(201).extract().path("id");
        book(sales, Map.of("customerId", customerOf(sales)), car, at(13, 0), at(14, 0)).then().statusCode(201);
        as(sales).queryParam("vehicleId", car).queryParam("date", TOMORROW.toString())
                .get(DRIVES + "/availability").then().statusCode(200)
                .body("free.from", equalTo(List.of(rfc(8, 30), rfc(11, 0), rfc(14, 15))))
                .body("free.to", equalTo(List.of(rfc(9, 45), rfc(12, 45), rfc(18, 0))));
        assertProblem(as(sales).queryParam("vehicleId", vehicle()).queryParam("date", TOMORROW.toString())
                .get(DRIVES + "/availability"), 422, "not-a-demo-car");
        assertProblem(as(sales).queryParam("vehicleId", car).get(DRIVES + "/availability"), 400, "validation-failed");
        // which demo cars are free at 10:30 (the first is out on a drive)
        List<String> free = as(sales).queryParam("status", "DEMO").queryParam("freeFrom", at(10, 30))
                .queryParam("freeTo", at(11, 0)).queryParam("limit", 100).get("/api/v1/vehicles").path("items.id");
        assertEquals(true, free.contains(otherCar) && !free.contains(car), free.toString());
        assertProblem(as(sales).queryParam("freeFrom", at(10, 30)).get("/api/v1/vehicles"), 400, "validation-failed");

        as(sales).queryParam("date", TOMORROW.toString()).get("/api/v1/me/test-drives").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(2)).body("items[0].id", equalTo(first))
                .body("items[0].customer.name", org.hamcrest.Matchers.notNullValue())
                .body("items[0].customer.phone", org.hamcrest.Matchers.startsWith("+86"))
                .body("items[0].vehicle.make", equalTo("BYD"));
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the fewest of three: a periodic job may run alongside
            long before = com.dealerops.support.DatabaseProxy.statementsExecuted();
            as(sales).queryParam("date", TOMORROW.toString()).get("/api/v1/me/test-drives").then().statusCode(200);
            fewest = Math.min(fewest, com.dealerops.support.DatabaseProxy.statementsExecuted() - before);
        }
        assertEquals(1, fewest, "SQL statements for a day of two drives");
    }

    @Test
    void whatTheReviewFound() {
        String car = demoCar();
        String customer = customerOf(sales);
        String id = book(sales, Map.of("customerId", customer), car, at(11, 0), at(11, 30)).then().statusCode(201)
                .extract().path("id");
        // a booked demo car stays in the demo fleet until its drives are done or cancelled
        assertProblem(as(finance).body(Map.of("status", "IN_STOCK")).post("/api/v1/vehicles/" + car + "/status"), 409,
                "car-has-test-drives");
        as(sales).body(Map.of("reason", "客户改期")).post(DRIVES + "/" + id + "/cancel").then().statusCode(200);
        as(finance).body(Map.of("status", "IN_STOCK")).post("/api/v1/vehicles/" + car + "/status").then()
                .statusCode(200);
        // three hours means three hours, not three hours and 59 seconds
        String other = demoCar();
        String tooLong = TOMORROW.atTime(13, 0, 59).atZone(SHANGHAI).toOffsetDateTime().toString();
        assertProblem(book(sales, Map.of("customerId", customer), other, at(10, 0), tooLong), 400,
                "validation-failed");
        // dates no calendar needs are a 400, not a database error
        assertProblem(as(sales).queryParam("vehicleId", other).queryParam("date", "+999999999-12-31")
                .get(DRIVES + "/availability"), 400, "validation-failed");
        assertProblem(as(sales).queryParam("date", "+999999999-12-31").get("/api/v1/me/test-drives"), 400,
                "validation-failed");
        assertProblem(as(sales).queryParam("freeFrom", "-5000-01-01T00:00:00Z").queryParam("freeTo", at(10, 0))
                .get("/api/v1/vehicles"), 400, "validation-failed");
        // a licence number of spaces around four characters is too short
        String drive = book(sales, Map.of("customerId", customer), other, at(15, 0), at(15, 30)).then()
                .statusCode(201).extract().path("id");
        assertProblem(as(sales).body(Map.of("licenceNumber", "  1234  ", "licenceExpiresOn", "2030-05-31",
                "waiverRef", "https://files.example/w.pdf",
                "waiverSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "odometerOut", 10))
                .post(DRIVES + "/" + drive + "/start"), 400, "validation-failed");
    }

    private Response book(Tokens.Staff staff, Map<String, Object> who, String car, String starts, String ends) {
        Map<String, Object> body = new LinkedHashMap<>(who);
        body.put("vehicleId", car);
        body.put("startsAt", starts);
        body.put("endsAt", ends);
        return as(staff).body(body).post(DRIVES);
    }

    private static String at(int hour, int minute) {
        return TOMORROW.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI).toOffsetDateTime().toString();
    }

    /** As the service writes times: RFC 3339 with seconds. */
    private static String rfc(int hour, int minute) {
        return TOMORROW.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }

    private Tokens.Staff registered(String role) {
        Tokens.Staff staff = Tokens.staff(dealer, role);
        as(staff).get("/api/v1/me/identity").then().statusCode(200);
        return staff;
    }

    private String customerOf(Tokens.Staff salesperson) {
        return com.dealerops.support.Api.createCustomer(salesperson);
    }

    private String vehicle() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", Vins.random());
        body.put("make", "BYD");
        body.put("model", "Seal");
        body.put("initialStatus", "IN_STOCK");
        body.put("listPrice", Map.of("amount", "189800", "currency", "CNY"));
        return as(finance).body(body).post("/api/v1/vehicles").then().statusCode(201).extract().path("id");
    }

    private String demoCar() {
        String id = vehicle();
        as(finance).body(Map.of("status", "DEMO")).post("/api/v1/vehicles/" + id + "/status").then().statusCode(200);
        return id;
    }
}
