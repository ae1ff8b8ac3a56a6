package com.dealerops.delivery;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Deliveries.DELIVERIES;
import static com.dealerops.support.Deliveries.FOLLOW_UPS;
import static com.dealerops.support.Deliveries.ORDERS;
import static com.dealerops.support.Deliveries.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Deliveries;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class DeliveryTest {

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff finance = Tokens.staff(dealer, "finance");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");

    @Test
    void eachMissingConditionAloneBlocksTheHandOverAndThenItDeliversOrderAndCar() {
        Deliveries.Order order = Deliveries.confirmedOrder(finance, sales);
        Deliveries.pay(finance, order.id(), "DEPOSIT", "20000.00");
        Response scheduled = as(sales).body(Deliveries.delivery(order.id(), at(3, 10, 0), "交车区-1")).post(DELIVERIES);
        scheduled.then().statusCode(201).body("status", equalTo("SCHEDULED")).body("pdi.status", equalTo("NOT_DONE"))
                .body("customerId", equalTo(order.customer())).body("vehicleId", equalTo(order.car()))
                .body("allowedActions", contains("complete", "reschedule", "cancel"));
        String delivery = scheduled.path("id");
        String complete = DELIVERIES + "/" + delivery + "/complete";

        // every reason at once
        blockers(Deliveries.handOver(), complete).body("reasons.code", contains("PDI_NOT_DONE",
                "ORDER_NOT_FULLY_PAID"));
        Deliveries.inspect(afterSales, delivery, "TYRES");
        blockers(Deliveries.handOver(), complete).body("reasons.code", contains("PDI_FAILED", "ORDER_NOT_FULLY_PAID"));
        // the re-inspection is recorded beside the first, not over it
        Deliveries.inspect(afterSales, delivery);
        as(sales).get(DELIVERIES + "/" + delivery + "/pdi").then().statusCode(200)
                .body("items.number", contains(1, 2)).body("items.passed", contains(false, true))
                .body("items[0].items[3].code", equalTo("TYRES")).body("items[0].items[3].result", equalTo("FAIL"))
                .body("items[0].items[3].labelZh", equalTo("轮胎及胎压"));
        // payment alone
        blockers(Deliveries.handOver(), complete).body("reasons.code", contains("ORDER_NOT_FULLY_PAID"));
        Deliveries.pay(finance, order.id(), "PAYMENT", "186999.00");
        // a failed re-inspection alone
        Deliveries.inspect(afterSales, delivery, "SOFTWARE_VERSION");
        blockers(Deliveries.handOver(), complete).body("reasons.code", contains("PDI_FAILED"));
        Deliveries.inspect(afterSales, delivery);
        // each document alone, ticked as not handed over or left out
        for (int i = 0; i < Deliveries.DOCUMENTS.size(); i++) {
            Map<String, Object> body = Deliveries.handOver();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> documents = new ArrayList<>((List<Map<String, Object>>) body.get("documents"));
            if (i % 2 == 0) {
                documents.remove(i);
            } else {
                documents.get(i).put("handedOver", false);
            }
            body.put("documents", documents);
            blockers(body, complete).body("reasons.code", contains("DOCUMENT_MISSING:"
                    + Deliveries.DOCUMENTS.get(i)));
        }
        for (String[] left : new String[][] { { "keyCount", "KEYS_MISSING" }, { "plate", "PLATE_MISSING" },
                { "signOff", "SIGN_OFF_MISSING" } }) {
            Map<String, Object> body = Deliveries.handOver();
            body.remove(left[0]);
            blockers(body, complete).body("reasons.code", contains(left[1]));
        }
        // the refusals changed nothing
        as(sales).get(DELIVERIES + "/" + delivery).then().body("status", equalTo("SCHEDULED"))
                .body("pdi.inspections", equalTo(4)).body("pdi.status", equalTo("PASSED"));
        as(finance).get(ORDERS + "/" + order.id()).then().body("status", equalTo("FULLY_PAID"));
        as(finance).get("/api/v1/vehicles/" + order.car()).then().body("status", equalTo("SOLD"));

        as(sales).body(Deliveries.handOver()).post(complete).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("handOver.keyCount", equalTo(2))
                .body("handOver.plateNumber", equalTo("浙A·T1234")).body("handOver.documents", hasSize(7))
                .body("allowedActions", empty());
        as(finance).get(ORDERS + "/" + order.id()).then().body("status", equalTo("DELIVERED"));
        as(finance).get("/api/v1/vehicles/" + order.car()).then().body("status", equalTo("DELIVERED"));
        // the dealer's plan: day 1 the salesperson calls, day 7 customer service with the survey, day 30 again
        Tokens.Staff service = Tokens.staff(dealer, "customer-service");
        Response plan = as(service).get(FOLLOW_UPS + "?deliveryId=" + delivery);
        plan.then().statusCode(200).body("items", hasSize(3)).body("items.kind", contains("POST_DELIVERY",
                "POST_DELIVERY", "POST_DELIVERY"))
                .body("items.team", contains("SALES", "CUSTOMER_SERVICE", "CUSTOMER_SERVICE"))
                .body("items.survey", contains(false, true, false))
                .body("items[0].assigneeId", equalTo(sales.id().toString()))
                .body("items[1].assigneeId", nullValue());
        LocalDate handedOver = LocalDate.now(Deliveries.SHANGHAI);
        List<String> due = plan.path("items.dueAt");
        assertEquals(List.of(handedOver.plusDays(1), handedOver.plusDays(7), handedOver.plusDays(30)),
                due.stream().map(d -> OffsetDateTime.parse(d).toLocalDate()).toList());
        as(sales).get(DELIVERIES + "/" + delivery + "/history").then().statusCode(200)
                .body("items.action", contains("SCHEDULED", "INSPECTED", "INSPECTED", "INSPECTED", "INSPECTED",
                        "COMPLETED"));
        // handed over is final
        assertProblem(as(sales).body(Deliveries.handOver()).post(complete), 409, "illegal-transition");
        assertProblem(as(afterSales).body(Deliveries.pdi()).post(DELIVERIES + "/" + delivery + "/pdi"), 409,
                "illegal-transition");
        // and finance takes no more money for a delivered order
        as(finance).get(ORDERS + "/" + order.id()).then().body("allowedActions", empty());
    }

    @Test
    void onePerOrderNoBayTwiceAndEveryoneInTheirLane() {
        Deliveries.Order order = Deliveries.paidOrder(finance, sales);
        Deliveries.Order other = Deliveries.paidOrder(finance, sales);
        String delivery = Deliveries.schedule(sales, order.id(), at(4, 10, 0), "交车区-1");
        assertProblem(as(sales).body(Deliveries.delivery(order.id(), at(5, 10, 0), "交车区-2")).post(DELIVERIES), 409,
                "delivery-exists").body("deliveryId", equalTo(delivery));
        assertProblem(as(sales).body(Deliveries.delivery(other.id(), at(4, 10, 30), "交车区-1")).post(DELIVERIES), 409,
                "bay-taken");
        String second = Deliveries.schedule(sales, other.id(), at(4, 11, 0), "交车区-1");
        // an order with a delivery scheduled is not cancelled under it
        assertProblem(as(manager).body(Map.of("reason", "客户退订")).post(ORDERS + "/" + other.id() + "/cancel"), 409,
                "delivery-scheduled").body("deliveryId", equalTo(second));
        // moving onto a booked bay is refused too
        assertProblem(as(sales).body(Map.of("scheduledAt", at(4, 10, 15), "bay", "交车区-1"))
                .post(DELIVERIES + "/" + second + "/reschedule"), 409, "bay-taken");
        // a colleague sees nothing, other departments keep to their part
        Tokens.Staff colleague = Tokens.staff(dealer, "sales");
        as(colleague).get(DELIVERIES + "/" + delivery).then().statusCode(404);
        assertProblem(as(colleague).body(Deliveries.delivery(other.id(), at(6, 9, 0), "交车区-3")).post(DELIVERIES),
                404, "not-found");
        as(colleague).get(DELIVERIES).then().statusCode(200).body("items", empty());
        assertProblem(as(sales).body(Deliveries.pdi()).post(DELIVERIES + "/" + delivery + "/pdi"), 403, "forbidden");
        assertProblem(as(afterSales).body(Deliveries.handOver()).post(DELIVERIES + "/" + delivery + "/complete"), 403,
                "forbidden");
        for (String role : List.of("after-sales", "customer-service", "finance")) {
            as(Tokens.staff(dealer, role)).get(DELIVERIES + "/" + delivery).then().statusCode(200);
        }
        for (String role : List.of("admin", "integration")) {
            as(Tokens.staff(dealer, role)).get(DELIVERIES + "/" + delivery).then().statusCode(403);
        }
        as(Tokens.staff(Tokens.newDealer(), "sales-manager")).get(DELIVERIES + "/" + delivery).then().statusCode(404);
        // the checklist is the dealer's, complete, and a FAIL says why
        Map<String, Object> partial = Map.of("items", List.of(Map.of("code", "EXTERIOR", "result", "PASS")));
        assertProblem(as(afterSales).body(partial).post(DELIVERIES + "/" + delivery + "/pdi"), 422,
                "checklist-incomplete").body("missing", hasSize(8));
        assertProblem(as(afterSales).body(Map.of("items", List.of(Map.of("code", "TYRES", "result", "FAIL"))))
                .post(DELIVERIES + "/" + delivery + "/pdi"), 400, "validation-failed");
        assertProblem(as(afterSales).body(Map.of("items", List.of(Map.of("code", "ROOF_BOX", "result", "PASS"))))
                .post(DELIVERIES + "/" + delivery + "/pdi"), 400, "validation-failed");
        // paid, documents and sign-off there, but nobody inspected the car
        assertProblem(as(sales).body(Deliveries.handOver()).post(DELIVERIES + "/" + delivery + "/complete"), 422,
                "not-ready-for-hand-over").body("reasons.code", contains("PDI_NOT_DONE"));
        // cancelled, the order may have a new delivery
        assertProblem(as(sales).body(Map.of()).post(DELIVERIES + "/" + delivery + "/cancel"), 400,
                "validation-failed");
        as(sales).body(Map.of("reason", "客户改期")).post(DELIVERIES + "/" + delivery + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Deliveries.schedule(sales, order.id(), at(4, 10, 0), "交车区-1");
        assertProblem(as(sales).body(Deliveries.delivery(order.id(), at(-1, 10, 0), "交车区-4")).post(DELIVERIES), 422,
                "in-the-past");
    }

    @Test
    void theDatabaseKeepsTheHandOverStandard() {
        Deliveries.Order order = Deliveries.paidOrder(finance, sales);
        String delivery = Deliveries.schedule(sales, order.id(), at(2, 15, 0), "交车区-9");
        Deliveries.inspect(afterSales, delivery, "CLEANING");
        // a completed delivery without its hand-over
        assertRefused("UPDATE delivery SET status = 'COMPLETED', completed_at = now(), completed_by = salesperson_id "
                + "WHERE id = '" + delivery + "'", "delivery_handed_over_completely");
        // with everything filled in, but over a failed inspection
        String everything = "documents = '{\"items\": []}', key_count = 2, plate_kind = 'TEMPORARY', plate_number = 'T1234', "
                + "signature_ref = 'sig', handover_sha256 = repeat('a', 64), completed_at = now(), "
                + "completed_by = salesperson_id";
        assertRefused("UPDATE delivery SET status = 'COMPLETED', pdi_status = 'PASSED', " + everything
                + " WHERE id = '" + delivery + "'", "its latest inspection says otherwise");
        Deliveries.inspect(afterSales, delivery);
        // the inspection passed, but the order was never delivered
        assertRefused("UPDATE delivery SET status = 'COMPLETED', " + everything + " WHERE id = '" + delivery + "'",
                "is complete but its order is FULLY_PAID");
        // inspections are records
        assertRefused("UPDATE pdi_inspection SET passed = true WHERE delivery_id = '" + delivery + "'",
                "never changed");
        assertRefused("DELETE FROM pdi_inspection WHERE delivery_id = '" + delivery + "'", "never changed");
        as(sales).get(DELIVERIES + "/" + delivery).then().body("status", equalTo("SCHEDULED"))
                .body("pdi.inspections", equalTo(2));
    }

    private io.restassured.response.ValidatableResponse blockers(Map<String, Object> body, String complete) {
        return assertProblem(as(sales).body(body).post(complete), 422, "not-ready-for-hand-over")
                .body("detail", containsString("cannot be handed over"));
    }

    private void assertRefused(String sql, String expected) {
        Throwable refused = assertThrows(Exception.class, () -> pool.query(sql).execute().await()
                .atMost(Duration.ofSeconds(10)));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
