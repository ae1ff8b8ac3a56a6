package com.dealerops.support;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Quotes.cny;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Orders ready for delivery, and the bodies of deliveries, inspections and hand-overs. */
public final class Deliveries {

    public static final String DELIVERIES = "/api/v1/deliveries";
    public static final String ORDERS = "/api/v1/orders";
    public static final String FOLLOW_UPS = "/api/v1/follow-ups";
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final List<String> PDI_ITEMS = List.of("EXTERIOR", "INTERIOR", "FLUIDS", "TYRES", "ELECTRONICS",
            "SOFTWARE_VERSION", "ACCESSORIES_FITTED", "CLEANING", "FUEL_CHARGE");
    public static final List<String> DOCUMENTS = List.of("INVOICE", "CERTIFICATE_OF_CONFORMITY", "WARRANTY_BOOKLET",
            "USER_MANUAL", "KEYS", "LICENCE_PLATE", "INSURANCE_POLICY");
    /** What Quotes.forCar comes to for a car listed at 200000.00: 200000 + 2 × 399.50 + 6200. */
    public static final String TOTAL = "206999.00";

    private Deliveries() {
    }

    /** An order of a new stock car and lead, confirmed (nothing paid yet). */
    public record Order(String id, String car, String lead, String customer) {
    }

    public static Order confirmedOrder(Tokens.Staff finance, Tokens.Staff sales) {
        String car = Quotes.stockCar(finance, "200000.00", "185000.00");
        String lead = Leads.createNew(sales);
        String quote = Quotes.accepted(sales, lead, car);
        io.restassured.response.Response created = as(sales).body(Map.of("quoteId", quote)).post(ORDERS);
        created.then().statusCode(201);
        return new Order(created.path("id"), car, lead, created.path("customerId"));
    }

    public static Order paidOrder(Tokens.Staff finance, Tokens.Staff sales) {
        Order order = confirmedOrder(finance, sales);
        pay(finance, order.id(), "DEPOSIT", TOTAL);
        return order;
    }

    public static void pay(Tokens.Staff finance, String order, String kind, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("amount", cny(amount));
        body.put("method", "BANK_TRANSFER");
        body.put("payerName", "张伟");
        body.put("reference", "ICBC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        body.put("paidAt", OffsetDateTime.now().minusMinutes(5).toString());
        as(finance).body(body).post(ORDERS + "/" + order + "/payments").then().statusCode(201);
    }

    /** A time on a day from today in the dealer's calendar (Asia/Shanghai). */
    public static String at(int daysFromToday, int hour, int minute) {
        return LocalDate.now(SHANGHAI).plusDays(daysFromToday).atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI)
                .toOffsetDateTime().toString();
    }

    public static Map<String, Object> delivery(String order, String scheduledAt, String bay) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", order);
        body.put("scheduledAt", scheduledAt);
        body.put("durationMinutes", 60);
        body.put("bay", bay);
        return body;
    }

    public static String schedule(Tokens.Staff sales, String order, String scheduledAt, String bay) {
        return as(sales).body(delivery(order, scheduledAt, bay)).post(DELIVERIES).then().statusCode(201).extract()
                .path("id");
    }

    /** An inspection with every checklist item, these ones failed. */
    public static Map<String, Object> pdi(String... failed) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String code : PDI_ITEMS) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", code);
            boolean fail = List.of(failed).contains(code);
            item.put("result", fail ? "FAIL" : "PASS");
            if (fail) {
                item.put("note", "需处理");
            }
            items.add(item);
        }
        return Map.of("items", items);
    }

    public static void inspect(Tokens.Staff afterSales, String delivery, String... failed) {
        as(afterSales).body(pdi(failed)).post(DELIVERIES + "/" + delivery + "/pdi").then().statusCode(201);
    }

    /** A complete hand-over; remove or change entries to leave a condition out. */
    public static Map<String, Object> handOver() {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String code : DOCUMENTS) {
            documents.add(new LinkedHashMap<>(Map.of("code", code, "handedOver", true)));
        }
        body.put("documents", documents);
        body.put("keyCount", 2);
        body.put("plate", Map.of("kind", "TEMPORARY", "number", "浙A·T1234"));
        body.put("signOff", Map.of("signatureRef", "https://files.dealerops.example/signatures/2b9d.png",
                "documentSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        return body;
    }
}
