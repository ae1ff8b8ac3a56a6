package com.dealerops.customer;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CustomerLifecycleTest {

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");

    @Test
    void createNormalisesAndReturnsLocationAndEtag() {
        Map<String, Object> body = Api.customer("  王   芳 ", "138 1234 " + Api.newPhone().substring(7));
        body.put("contactConsent", true);
        Response created = Api.createCustomer(sales, body);
        String id = created.path("id");
        created.then()
                .header("Location", equalTo("/api/v1/customers/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("王 芳"))
                .body("phone", startsWith("+86138"))
                .body("ownerId", equalTo(sales.id().toString()))
                .body("contactConsent", equalTo(true))
                .body("contactConsentChangedAt", notNullValue())
                .body("marketingConsent", equalTo(false))
                .body("marketingConsentChangedAt", nullValue())
                .body("deleted", equalTo(false));
        // RFC 3339 with the dealer's offset (Asia/Shanghai by default)
        OffsetDateTime createdAt = OffsetDateTime.parse(created.path("createdAt"));
        org.junit.jupiter.api.Assertions.assertEquals(8 * 3600, createdAt.getOffset().getTotalSeconds());
    }

    @Test
    void duplicatePhoneIs409NamingTheExistingCustomer() {
        String phone = Api.newPhone();
        String first = Api.createCustomer(sales, Api.customer("王芳", phone)).path("id");
        assertProblem(as(manager).body(Api.customer("另一个王芳", "+86" + phone)).post(CUSTOMERS), 409,
                "duplicate-phone").body("existingCustomerId", equalTo(first));
        String other = Api.createCustomer(sales);
        assertProblem(as(sales).header("If-Match", "\"0\"").body(Api.customer("改", phone))
                .put(CUSTOMERS + "/" + other), 409, "duplicate-phone").body("existingCustomerId", equalTo(first));
    }

    @Test
    void aClientChosenIdIsAcceptedOnce() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Api.customer("离线客户", Api.newPhone());
        body.put("id", id.toString());
        Api.createCustomer(sales, body).then().body("id", equalTo(id.toString()));
        body.put("phone", Api.newPhone());
        assertProblem(as(sales).body(body).post(CUSTOMERS), 409, "id-taken");
    }

    @Test
    void salespeopleCannotGiveCustomersAway() {
        Tokens.Staff colleague = Tokens.staff(dealer, "sales");
        as(colleague).get(CUSTOMERS).then().statusCode(200); // known to the service from now on
        Map<String, Object> body = Api.customer("王芳", Api.newPhone());
        body.put("ownerId", colleague.id().toString());
        assertProblem(as(sales).body(body).post(CUSTOMERS), 403, "forbidden");
        String id = Api.createCustomer(manager, body).path("id");
        as(colleague).get(CUSTOMERS + "/" + id).then().statusCode(200);
        body.put("ownerId", UUID.randomUUID().toString());
        body.put("phone", Api.newPhone());
        assertProblem(as(manager).body(body).post(CUSTOMERS), 422, "unknown-owner");
        Tokens.Staff finance = Tokens.staff(dealer, "finance");
        as(finance).get(CUSTOMERS); // registered, but not a salesperson
        body.put("ownerId", finance.id().toString());
        assertProblem(as(manager).body(body).post(CUSTOMERS), 422, "unknown-owner");
    }

    @Test
    void putReplacesAndPatchMerges() {
        Map<String, Object> body = Api.customer("王芳", Api.newPhone());
        body.put("city", "上海");
        body.put("notes", "看SUV");
        body.put("contactConsent", true);
        String id = Api.createCustomer(sales, body).path("id");
        String path = CUSTOMERS + "/" + id;

        as(sales).header("If-Match", "\"0\"").contentType(Api.MERGE_PATCH)
                .body("{\"city\":\"杭州\",\"notes\":null,\"marketingConsent\":true}").patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("city", equalTo("杭州")).body("notes", nullValue()).body("name", equalTo("王芳"))
                .body("marketingConsent", equalTo(true)).body("marketingConsentChangedAt", notNullValue());

        Map<String, Object> replacement = Api.customer("王芳芳", (String) body.get("phone"));
        as(sales).header("If-Match", "\"1\"").body(replacement).put(path)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("name", equalTo("王芳芳")).body("city", nullValue())
                .body("contactConsent", equalTo(false)).body("marketingConsent", equalTo(false));

        // an unchanged PUT writes nothing
        as(sales).header("If-Match", "\"2\"").body(replacement).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        assertProblem(as(sales).header("If-Match", "\"2\"").contentType(Api.MERGE_PATCH)
                .body("{\"marketingConsent\":true}").patch(path), 400, "validation-failed")
                .body("errors[0].field", equalTo("marketingConsent"));
        assertProblem(as(sales).header("If-Match", "\"2\"").contentType(Api.MERGE_PATCH)
                .body("{\"id\":\"" + UUID.randomUUID() + "\"}").patch(path), 400, "validation-failed");
    }

    @Test
    void getAnswers304WhileTheEtagIsCurrent() {
        String id = Api.createCustomer(sales);
        String path = CUSTOMERS + "/" + id;
        as(sales).header("If-None-Match", "\"0\"").get(path).then().statusCode(304).header("ETag", "\"0\"");
        as(sales).header("If-Match", "\"0\"").contentType(Api.MERGE_PATCH)
                .body("{\"city\":\"杭州\"}").patch(path).then().statusCode(200);
        as(sales).header("If-None-Match", "\"0\"").get(path).then().statusCode(200).body("city", equalTo("杭州"));
    }

    @Test
    void deleteLeavesATombstoneForDeltaSync() {
        String since = OffsetDateTime.now().minusMinutes(1).toString();
        String kept = Api.createCustomer(sales);
        String gone = Api.createCustomer(sales);
        assertProblem(as(manager).header("If-Match", "\"5\"").delete(CUSTOMERS + "/" + gone), 412, "stale-version");
        as(manager).header("If-Match", "\"0\"").delete(CUSTOMERS + "/" + gone).then().statusCode(204);

        as(sales).get(CUSTOMERS + "/" + gone).then().statusCode(404);
        as(manager).delete(CUSTOMERS + "/" + gone).then().statusCode(404);
        as(sales).get(CUSTOMERS).then().body("items.id", contains(kept));
        as(sales).queryParam("updatedSince", since).get(CUSTOMERS).then()
                .body("items", hasSize(2))
                .body("items.find { it.id == '" + gone + "' }.deleted", equalTo(true))
                .body("items.find { it.id == '" + gone + "' }", not(hasKey("name")))
                .body("items.find { it.id == '" + gone + "' }", not(hasKey("phone")))
                .body("items.find { it.id == '" + kept + "' }.deleted", equalTo(false));
        as(manager).get(CUSTOMERS + "/" + gone + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "DELETED"));
    }

    @Test
    void historyRecordsWhoChangedWhatFromWhatToWhat() {
        String phone = Api.newPhone();
        Map<String, Object> body = Api.customer("王芳", phone);
        body.put("city", "上海");
        String id = Api.createCustomer(sales, body).path("id");
        as(manager).header("If-Match", "\"0\"").header("X-Request-Id", "req-history-1")
                .contentType(Api.MERGE_PATCH).body("{\"city\":\"杭州\"}")
                .patch(CUSTOMERS + "/" + id).then().statusCode(200);

        as(sales).get(CUSTOMERS + "/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("CREATED"))
                .body("items[0].actor.id", equalTo(sales.id().toString()))
                .body("items[0].changes.phone.to", equalTo("+86" + phone))
                .body("items[1].action", equalTo("UPDATED"))
                .body("items[1].actor.id", equalTo(manager.id().toString()))
                .body("items[1].actor.name", equalTo(manager.name()))
                .body("items[1].requestId", equalTo("req-history-1"))
                .body("items[1].changes.city.from", equalTo("上海"))
                .body("items[1].changes.city.to", equalTo("杭州"))
                .body("items[1].changes", not(hasKey("name")));
    }
}
