package com.dealerops.staff;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** The start-up request of an app, and every time computed in the dealer's own zone. */
@QuarkusTest
class MeTest {

    /** Monday 30 Nov 2026 09:00 in Shanghai; still Sunday 29 Nov 17:00 in Los Angeles. */
    private static final Instant MONDAY_MORNING_IN_SHANGHAI = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void meAnswersEverythingAnAppNeedsAtStartUp() {
        Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
        as(sales).get("/api/v1/me").then().statusCode(200)
                .body("staff.id", equalTo(sales.id().toString()))
                .body("staff.name", equalTo(sales.name()))
                .body("staff.department", equalTo("SALES"))
                .body("staff.onDuty", equalTo(false))
                .body("roles", contains("sales"))
                .body("dealer.id", equalTo(sales.dealerId().toString()))
                .body("dealer.timeZone", equalTo("Asia/Shanghai"))
                .body("settings.leads.firstResponseMinutes", equalTo(15))
                .body("settings.versions.general", equalTo(0));
        assertProblem(as(Tokens.staff(sales.dealerId(), "integration")).get("/api/v1/me"), 403, "forbidden");
    }

    @Test
    void identityTellsWhatTheServiceReadFromTheToken() {
        Tokens.Staff integration = Tokens.staff(Tokens.newDealer(), "integration");
        as(integration).get("/api/v1/me/identity").then().statusCode(200)
                .body("staffId", equalTo(integration.id().toString()))
                .body("subject", equalTo(integration.id().toString()))
                .body("name", equalTo(integration.name()))
                .body("dealerId", equalTo(integration.dealerId().toString()))
                .body("roles", contains("integration"))
                .body("timeZone", equalTo("Asia/Shanghai"));
        assertProblem(io.restassured.RestAssured.given().get("/api/v1/me/identity"), 401, "unauthorized");
    }

    @Test
    void todayAndTimestampsAreInTheDealersTimeZone() {
        QuarkusMock.installMockForType(Clock.fixed(MONDAY_MORNING_IN_SHANGHAI, ZoneOffset.UTC), Clock.class);
        UUID dealer = Tokens.newDealer();
        Tokens.Staff admin = Tokens.staff(dealer, "admin");
        Tokens.Staff sales = Tokens.staff(dealer, "sales");
        String customer = Api.createCustomer(sales);

        as(sales).get("/api/v1/me").then().body("today", equalTo("2026-11-30"))
                .body("workingDay", equalTo(true)).body("openNow", equalTo(true));
        as(sales).get(CUSTOMERS + "/" + customer).then().body("createdAt", equalTo("2026-11-30T09:00:00+08:00"));

        Map<String, Object> general = as(admin).get("/api/v1/settings/general").then().extract().as(Map.class);
        general.put("timeZone", "America/Los_Angeles");
        general.put("displayName", "Pasadena Motors");
        general.put("openingHours", List.of(Map.of("day", "SUNDAY", "opens", "10:00", "closes", "16:00")));
        as(admin).header("If-Match", "\"0\"").body(general).put("/api/v1/settings/general").then().statusCode(200);

        as(sales).get("/api/v1/me").then()
                .body("dealer.name", equalTo("Pasadena Motors"))
                .body("dealer.timeZone", equalTo("America/Los_Angeles"))
                .body("today", equalTo("2026-11-29"))
                .body("workingDay", equalTo(false))
                .body("openNow", equalTo(false));
        as(sales).get(CUSTOMERS + "/" + customer).then().body("createdAt", equalTo("2026-11-29T17:00:00-08:00"))
                .body("updatedAt", endsWith("-08:00"));
    }
}
