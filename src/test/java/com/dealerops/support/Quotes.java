package com.dealerops.support;

import static com.dealerops.support.Api.as;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Cars, quotes and accepted quotes for the quote and order tests. */
public final class Quotes {

    public static final String QUOTES = "/api/v1/quotes";

    private Quotes() {
    }

    public static Map<String, Object> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A car in stock with this list price and cost, created by finance. */
    public static String stockCar(Tokens.Staff finance, String listPrice, String cost) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", Vins.random());
        body.put("make", "比亚迪");
        body.put("model", "汉 EV");
        body.put("initialStatus", "IN_STOCK");
        body.put("listPrice", cny(listPrice));
        if (cost != null) {
            body.put("costPrice", cny(cost));
        }
        return as(finance).body(body).post("/api/v1/vehicles").then().statusCode(201).extract().path("id");
    }

    /** A quote body for a stock car, with the given discount amount (or none). */
    public static Map<String, Object> forCar(String leadId, String vehicleId, String discount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadId", leadId);
        body.put("vehicleId", vehicleId);
        body.put("accessories", List.of(Map.of("name", "全车脚垫", "quantity", 2, "unitPrice", cny("399.50"))));
        body.put("services", List.of(Map.of("kind", "INSURANCE", "description", "商业险", "price", cny("6200.00"))));
        if (discount != null) {
            body.put("discount", Map.of("amount", cny(discount), "reason", "店庆优惠"));
        }
        return body;
    }

    public static Response create(Tokens.Staff staff, Map<String, Object> body) {
        return as(staff).body(body).post(QUOTES);
    }

    /** A quote within the margin guard, sent and accepted; returns its id. */
    public static String accepted(Tokens.Staff salesperson, String leadId, String vehicleId) {
        String id = create(salesperson, forCar(leadId, vehicleId, null)).then().statusCode(201).extract().path("id");
        as(salesperson).post(QUOTES + "/" + id + "/send").then().statusCode(200);
        as(salesperson).post(QUOTES + "/" + id + "/accept").then().statusCode(200);
        return id;
    }
}
