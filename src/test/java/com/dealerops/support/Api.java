package com.dealerops.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared REST Assured helpers: requests as a staff member, customers, and problem assertions. */
public final class Api {

    public static final String CUSTOMERS = "/api/v1/customers";
    /** REST Assured would encode an unknown +json type as ISO-8859-1; JSON is UTF-8. */
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private Api() {
    }

    public static RequestSpecification as(Tokens.Staff staff) {
        return given().header("Authorization", staff.bearer()).contentType(ContentType.JSON);
    }

    /** A Chinese mobile number no other test uses (random in a range of 10^8). */
    public static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static Map<String, Object> customer(String name, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        return body;
    }

    /** Creates a customer as {@code staff} and returns the response (asserted 201). */
    public static Response createCustomer(Tokens.Staff staff, Map<String, Object> body) {
        return as(staff).body(body).post(CUSTOMERS).then().statusCode(201).extract().response();
    }

    public static String createCustomer(Tokens.Staff staff) {
        return createCustomer(staff, customer("客户" + ThreadLocalRandom.current().nextInt(1000), newPhone()))
                .path("id");
    }

    /** Asserts an RFC 9457 problem with this status and type, and nothing that looks like a stack trace. */
    public static ValidatableResponse assertProblem(Response response, int status, String slug) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dealerops:problem:" + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", startsWith("/"))
                .body("requestId", notNullValue())
                .body(not(org.hamcrest.Matchers.containsString("Exception")))
                .body(not(org.hamcrest.Matchers.containsString("\tat ")));
    }
}
