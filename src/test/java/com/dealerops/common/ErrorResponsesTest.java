package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every class of error answers application/problem+json, with field errors for validation, and changes nothing. */
@QuarkusTest
class ErrorResponsesTest {

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");

    @Test
    void unknownPathIs404() {
        assertProblem(as(sales).get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(given().get("/nowhere"), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        assertProblem(as(sales).put(CUSTOMERS), 405, "method-not-allowed")
                .header("Allow", notNullValue());
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(as(sales).contentType(ContentType.TEXT).body("name=x").post(CUSTOMERS), 415,
                "unsupported-media-type");
    }

    @Test
    void unacceptableAcceptIs406() {
        assertProblem(as(sales).accept("text/html").get(CUSTOMERS), 406, "not-acceptable");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(as(sales).body("{\"name\":").post(CUSTOMERS), 400, "bad-request")
                .body("detail", equalTo("The request body is not well-formed JSON"));
    }

    @Test
    void nonObjectBodyIs400() {
        assertProblem(as(sales).body("[1,2]").post(CUSTOMERS), 400, "bad-request");
        assertProblem(as(sales).post(CUSTOMERS), 400, "validation-failed")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        assertProblem(as(sales).body("{\"name\":\"王芳\",\"phone\":\"" + Api.newPhone() + "\",\"nickname\":\"x\"}")
                .post(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        assertProblem(as(sales).body("{\"name\":\"王芳\",\"phone\":\"" + Api.newPhone() + "\",\"gender\":\"X\"}")
                .post(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("gender"));
        assertProblem(as(sales).body("{\"name\":\"王芳\",\"phone\":\"" + Api.newPhone()
                + "\",\"contactConsent\":\"maybe\"}").post(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("contactConsent"));
        assertProblem(as(sales).body("{\"name\":{\"a\":1},\"phone\":\"" + Api.newPhone() + "\"}").post(CUSTOMERS),
                400, "validation-failed").body("errors[0].field", equalTo("name"));
        assertProblem(as(sales).body("{\"name\":\"a\",\"phone\":\"" + Api.newPhone() + "\",\"ownerId\":\"zz\"}")
                .post(CUSTOMERS), 400, "validation-failed").body("errors[0].field", equalTo("ownerId"));
        // no silent coercion: a number is not a name, "true" is not a boolean
        assertProblem(as(sales).body("{\"name\":12345,\"phone\":\"" + Api.newPhone() + "\"}").post(CUSTOMERS), 400,
                "validation-failed").body("errors[0].field", equalTo("name"));
        assertProblem(as(sales).body("{\"name\":\"a\",\"phone\":\"" + Api.newPhone() + "\",\"contactConsent\":\"true\"}")
                .post(CUSTOMERS), 400, "validation-failed").body("errors[0].field", equalTo("contactConsent"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"name\":\"\u00ff\",\"phone\":\"13800000000\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertProblem(as(sales).body(body).post(CUSTOMERS), 400, "validation-failed");
    }

    @Test
    void constraintViolationsAre400WithEveryField() {
        assertProblem(as(sales).body("{\"name\":\"\",\"phone\":\"12345\",\"email\":\"not-an-email\"}")
                .post(CUSTOMERS), 400, "validation-failed")
                .body("errors", hasSize(3))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(as(sales).queryParam("stauts", "NEW").get(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("stauts"));
        assertProblem(as(sales).queryParam("limit", "0").get(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("limit"));
        assertProblem(as(sales).queryParam("limit", "abc").get(CUSTOMERS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("limit", "101").get(CUSTOMERS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("sort", "phone").get(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("sort"));
        assertProblem(as(sales).queryParam("cursor", "garbage").get(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("cursor"));
        assertProblem(as(sales).queryParam("updatedSince", "yesterday").get(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("updatedSince"));
        assertProblem(as(sales).queryParam("owner", "someone").get(CUSTOMERS), 400, "validation-failed");
        assertProblem(as(sales).queryParam("phone", "12").get(CUSTOMERS), 400, "validation-failed");
    }

    @Test
    void missingOrInvalidTokenIs401() {
        assertProblem(given().get(CUSTOMERS), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
        assertProblem(given().header("Authorization", "Bearer not.a.token").get(CUSTOMERS), 401, "unauthorized");
        assertProblem(given().header("Authorization", "Basic dXNlcjpwYXNz").get(CUSTOMERS), 401, "unauthorized");
    }

    @Test
    void tokensThatVerifyButDoNotFitAre401() {
        String expired = Tokens.claims(dealer, UUID.randomUUID().toString(), "x", "sales")
                .expiresAt(Instant.now().minus(Duration.ofHours(2))).sign();
        String wrongIssuer = Tokens.claims(dealer, UUID.randomUUID().toString(), "x", "sales")
                .issuer("https://evil.example").sign();
        String wrongAudience = Tokens.claims(dealer, UUID.randomUUID().toString(), "x", "sales")
                .audience("another-api").sign();
        String noDealer = Tokens.claims(null, UUID.randomUUID().toString(), "x", "sales").sign();
        String badDealer = Tokens.claims(null, UUID.randomUUID().toString(), "x", "sales")
                .claim("dealer_id", "dealer-7").sign();
        String unknownRole = Tokens.claims(dealer, UUID.randomUUID().toString(), "x", "sales", "superuser").sign();
        String noRole = Tokens.claims(dealer, UUID.randomUUID().toString(), "x").sign();
        for (String token : new String[] { expired, wrongIssuer, wrongAudience, noDealer }) {
            assertProblem(given().auth().oauth2(token).get(CUSTOMERS), 401, "unauthorized");
        }
        assertProblem(given().auth().oauth2(badDealer).get(CUSTOMERS), 401, "unauthorized")
                .body("detail", equalTo("Token rejected: the dealer_id claim must be a UUID"));
        assertProblem(given().auth().oauth2(unknownRole).get(CUSTOMERS), 401, "unauthorized")
                .body("detail", equalTo("Token rejected: unknown role 'superuser' in the groups claim"));
        assertProblem(given().auth().oauth2(noRole).get(CUSTOMERS), 401, "unauthorized");
    }

    @Test
    void tamperedTokenIs401() {
        String[] parts = sales.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"sales\"", "\"sales-manager\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        assertProblem(given().auth().oauth2(tampered).get(CUSTOMERS), 401, "unauthorized");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        assertProblem(given().auth().oauth2(unsigned).get(CUSTOMERS), 401, "unauthorized");
    }

    @Test
    void roleNotAllowedIs403() {
        Tokens.Staff finance = Tokens.staff(dealer, "finance");
        assertProblem(as(finance).get(CUSTOMERS), 403, "forbidden");
    }

    @Test
    void bodyOverOneMegabyteIs413AndChangesNothing() {
        String phone = Api.newPhone();
        String big = "{\"name\":\"王芳\",\"phone\":\"" + phone + "\",\"notes\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(as(sales).body(big).post(CUSTOMERS), 413, "payload-too-large");
        // without Content-Length (chunked), counted while read
        assertProblem(as(sales).body(new java.io.ByteArrayInputStream(big.getBytes())).post(CUSTOMERS), 413,
                "payload-too-large");
        as(sales).queryParam("phone", phone).get(CUSTOMERS).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void writesWithoutIfMatchAre428AndStaleOnesAre412() {
        String id = Api.createCustomer(sales);
        assertProblem(as(sales).body(Api.customer("新名字", Api.newPhone())).put(CUSTOMERS + "/" + id), 428,
                "precondition-required");
        assertProblem(as(sales).contentType(Api.MERGE_PATCH).body("{\"city\":\"杭州\"}")
                .patch(CUSTOMERS + "/" + id), 428, "precondition-required");
        assertProblem(as(sales).header("If-Match", "\"7\"").contentType(Api.MERGE_PATCH)
                .body("{\"city\":\"杭州\"}").patch(CUSTOMERS + "/" + id), 412, "stale-version");
        assertProblem(as(sales).header("If-Match", "yesterday").contentType(Api.MERGE_PATCH)
                .body("{\"city\":\"杭州\"}").patch(CUSTOMERS + "/" + id), 400, "validation-failed")
                .body("errors[0].field", equalTo("If-Match"));
        as(sales).get(CUSTOMERS + "/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("city", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void invalidIdempotencyKeyIs400() {
        assertProblem(as(sales).header("Idempotency-Key", "x".repeat(300))
                .body(Api.customer("王芳", Api.newPhone())).post(CUSTOMERS), 400, "validation-failed")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
