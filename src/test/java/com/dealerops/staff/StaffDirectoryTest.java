package com.dealerops.staff;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StaffDirectoryTest {

    private static final String STAFF = "/api/v1/staff";

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff admin = Tokens.staff(dealer, "admin");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");

    @Test
    void adminsPreRegisterStaffWhoAreRecognisedAtTheirFirstSignIn() {
        String subject = "wang.qiang@dealer.example";
        Map<String, Object> input = Map.of("subject", subject, "name", "王强", "department", "SALES",
                "roles", List.of("sales"), "phone", "13600000999");
        String id = as(admin).body(input).post(STAFF).then().statusCode(201)
                .header("Location", notNullValue())
                .body("subject", equalTo(subject)).body("phone", equalTo("+8613600000999"))
                .body("active", equalTo(true)).body("onDuty", equalTo(false))
                .extract().path("id");
        assertProblem(as(admin).body(input).post(STAFF), 409, "staff-exists").body("existingStaffId", equalTo(id));
        assertProblem(as(manager).body(input).post(STAFF), 403, "forbidden");

        String token = Tokens.claims(dealer, subject, "王强 Wang Qiang", "sales").sign();
        given().auth().oauth2(token).get(CUSTOMERS).then().statusCode(200);
        as(admin).get(STAFF + "/" + id).then().body("name", equalTo("王强 Wang Qiang"))
                .body("firstSeenAt", notNullValue()).body("department", equalTo("SALES"));
    }

    @Test
    void theDirectoryShowsOtherRolesNamesAndDepartmentsOnly() {
        Tokens.Staff sales = Tokens.staff(dealer, "sales");
        Tokens.Staff finance = Tokens.staff(dealer, "finance");
        Tokens.Staff integration = Tokens.staff(dealer, "integration");
        as(sales).get(CUSTOMERS).then().statusCode(200); // known from now on
        as(admin).get(STAFF).then().statusCode(200).body("items.find { it.id == '" + sales.id() + "' }",
                hasKey("subject"));
        for (Tokens.Staff caller : List.of(sales, finance, manager)) {
            as(caller).get(STAFF).then().statusCode(200)
                    .body("items.id", hasItem(sales.id().toString()))
                    .body("items[0]", hasKey("name")).body("items[0]", hasKey("department"))
                    .body("items[0]", not(hasKey("phone"))).body("items[0]", not(hasKey("subject")))
                    .body("items[0]", not(hasKey("roles")));
        }
        assertProblem(as(integration).get(STAFF), 403, "forbidden");
    }

    @Test
    void pickersFilterByDepartmentDutyAndName() {
        Tokens.Staff li = Tokens.staff(dealer, "sales");
        Tokens.Staff zhang = Tokens.staff(dealer, "sales");
        Tokens.Staff service = Tokens.staff(dealer, "customer-service");
        for (Tokens.Staff s : List.of(li, zhang, service)) {
            as(s).get(CUSTOMERS);
        }
        as(li).header("If-Match", "\"0\"").body(Map.of("onDuty", true)).put(STAFF + "/" + li.id() + "/duty")
                .then().statusCode(200).body("onDuty", equalTo(true));
        as(manager).queryParam("department", "SALES").queryParam("onDuty", "true").get(STAFF).then()
                .body("items.id", contains(li.id().toString()));
        as(manager).queryParam("department", "CUSTOMER_SERVICE").get(STAFF).then()
                .body("items.id", contains(service.id().toString()));
        as(manager).queryParam("q", zhang.name().substring(6).toUpperCase()).get(STAFF).then()
                .body("items.id", contains(zhang.id().toString()));
        assertProblem(as(manager).queryParam("department", "KITCHEN").get(STAFF), 400, "validation-failed");
        assertProblem(as(manager).queryParam("onDuty", "yes").get(STAFF), 400, "validation-failed");
    }

    @Test
    void dutyIsSetByTheStaffMemberTheirManagerOrAnAdmin() {
        Tokens.Staff li = Tokens.staff(dealer, "sales");
        Tokens.Staff zhang = Tokens.staff(dealer, "sales");
        as(li).get(CUSTOMERS);
        as(zhang).get(CUSTOMERS);
        String duty = STAFF + "/" + li.id() + "/duty";
        assertProblem(as(li).body(Map.of("onDuty", true)).put(duty), 428, "precondition-required");
        assertProblem(as(zhang).header("If-Match", "\"0\"").body(Map.of("onDuty", true)).put(duty), 403,
                "forbidden");
        as(li).header("If-Match", "\"0\"").body(Map.of("onDuty", true)).put(duty).then().statusCode(200)
                .header("ETag", "\"1\"");
        assertProblem(as(manager).header("If-Match", "\"0\"").body(Map.of("onDuty", false)).put(duty), 412,
                "stale-version");
        as(manager).header("If-Match", "\"1\"").body(Map.of("onDuty", false)).put(duty).then().statusCode(200)
                .body("onDuty", equalTo(false));
        assertProblem(as(li).header("If-Match", "\"2\"").body(Map.of()).put(duty), 400, "validation-failed");
        as(admin).get(STAFF + "/" + li.id() + "/history").then().body("items.action",
                contains("DUTY_CHANGED", "DUTY_CHANGED"));
    }

    @Test
    void deactivationListsOpenWorkAndStopsAssignmentsAndSignIns() {
        Tokens.Staff li = Tokens.staff(dealer, "sales");
        String first = Api.createCustomer(li, Api.customer("王芳", Api.newPhone())).path("id");
        String second = Api.createCustomer(li, Api.customer("李娜", Api.newPhone())).path("id");
        as(li).header("If-Match", "\"0\"").body(Map.of("onDuty", true)).put(STAFF + "/" + li.id() + "/duty")
                .then().statusCode(200);

        assertProblem(as(admin).post(STAFF + "/" + admin.id() + "/deactivate"), 422, "self-deactivation");
        as(admin).post(STAFF + "/" + li.id() + "/deactivate").then().statusCode(200)
                .body("staff.active", equalTo(false)).body("staff.onDuty", equalTo(false))
                .body("staff.deactivatedAt", notNullValue())
                .body("openWork.customers.total", equalTo(2))
                .body("openWork.customers.items.id", containsInAnyOrder(first, second))
                .body("openWork.customers.items.label", containsInAnyOrder("王芳", "李娜"));
        assertProblem(as(admin).post(STAFF + "/" + li.id() + "/deactivate"), 409, "illegal-state");

        assertProblem(as(li).get(CUSTOMERS), 401, "unauthorized")
                .body("detail", equalTo("Token rejected: this staff member has been deactivated"));
        Map<String, Object> body = Api.customer("新客户", Api.newPhone());
        body.put("ownerId", li.id().toString());
        assertProblem(as(manager).body(body).post(CUSTOMERS), 422, "unknown-owner");
        as(manager).get(STAFF + "/" + li.id()).then().statusCode(404);
        as(manager).get(STAFF).then().body("items.id", not(hasItem(li.id().toString())));
        as(admin).queryParam("active", "false").get(STAFF).then().body("items.id", contains(li.id().toString()));
        as(manager).get(STAFF + "/" + admin.id() + "/open-work").then().statusCode(200)
                .body("customers.total", equalTo(0)).body("customers.items", hasSize(0));

        // an action has no body, so a client need not send a Content-Type
        given().auth().oauth2(admin.token()).post(STAFF + "/" + li.id() + "/activate").then().statusCode(200)
                .body("active", equalTo(true));
        as(li).get(CUSTOMERS).then().statusCode(200);
    }
}
