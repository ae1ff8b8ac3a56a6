package com.dealerops.support;

import static com.dealerops.support.Api.as;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Lead fixtures: bodies, creation, and putting salespeople on duty for routing. */
public final class Leads {

    public static final String LEADS = "/api/v1/leads";

    private Leads() {
    }

    /** A walk-in lead for a new customer with this phone. */
    public static Map<String, Object> walkIn(String name, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", new LinkedHashMap<>(Map.of("name", name, "phone", phone)));
        body.put("source", "WALK_IN");
        body.put("interests", List.of(Map.of("make", "BYD", "model", "Seal")));
        return body;
    }

    public static Response create(Tokens.Staff staff, Map<String, Object> body) {
        return as(staff).body(body).post(LEADS);
    }

    /** Creates a lead as {@code staff} (asserted 201) and returns its id. */
    public static String createNew(Tokens.Staff staff) {
        return create(staff, walkIn("客户", Api.newPhone())).then().statusCode(201).extract().path("id");
    }

    /** Registers the staff member (first request) and puts them on duty, as they would from their tablet. */
    public static void onDuty(Tokens.Staff staff, boolean onDuty) {
        String id = staff.id().toString();
        String etag = as(staff).get("/api/v1/staff/" + id).then().statusCode(200).extract().header("ETag");
        as(staff).header("If-Match", etag).body(Map.of("onDuty", onDuty)).put("/api/v1/staff/" + id + "/duty")
                .then().statusCode(200);
    }

    public static Response act(Tokens.Staff staff, String id, String action) {
        return as(staff).post(LEADS + "/" + id + "/" + action);
    }
}
