package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Leads.LEADS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LeadRoutingTest {

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff portal = Tokens.staff(dealer, "integration");

    @Test
    void routingIsRoundRobinToTheLeastRecentOnDutySalesperson() {
        Tokens.Staff a = Tokens.staff(dealer, "sales");
        Tokens.Staff b = Tokens.staff(dealer, "sales");
        Tokens.Staff c = Tokens.staff(dealer, "sales");
        Tokens.Staff offDuty = Tokens.staff(dealer, "sales");
        Leads.onDuty(a, true);
        Leads.onDuty(b, true);
        Leads.onDuty(c, true);
        as(offDuty).get("/api/v1/me/identity").then().statusCode(200);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(Leads.create(portal, Leads.walkIn("客户", Api.newPhone())).then().statusCode(201)
                    .extract().path("id"));
        }
        List<String> assignees = order.stream().map(id -> (String) as(manager).get(LEADS + "/" + id)
                .path("assigneeId")).toList();
        // each of the three once, then the same order again: the least recent gets the next one
        assertEquals(3, new java.util.HashSet<>(assignees.subList(0, 3)).size());
        assertEquals(assignees.subList(0, 3), assignees.subList(3, 6));
        assertEquals(false, assignees.contains(offDuty.id().toString()));
        // a salesperson who received one by hand waits for their turn like the others
        String manual = Leads.create(manager, withAssignee(assignees.get(0))).then().statusCode(201)
                .extract().path("id");
        as(manager).get(LEADS + "/" + manual + "/history").then()
                .body("items.changes.assignedBy.to", hasItem("MANAGER"));
        String next = Leads.create(portal, Leads.walkIn("客户", Api.newPhone())).path("id");
        assertEquals(assignees.get(1), as(manager).get(LEADS + "/" + next).path("assigneeId"));
        as(manager).get(LEADS + "/" + next + "/history").then()
                .body("items.action", hasItem("ASSIGNED"))
                .body("items.changes.assignedBy.to", hasItem("ROUTED"));
    }

    @Test
    void twentyConcurrentIntakesAreSpreadEvenlyWithNoDoubleAssignment() throws Exception {
        List<Tokens.Staff> team = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tokens.Staff salesperson = Tokens.staff(dealer, "sales");
            Leads.onDuty(salesperson, true);
            team.add(salesperson);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> intakes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = Leads.walkIn("并发客户" + i, Api.newPhone());
                intakes.add(() -> Leads.create(portal, body));
            }
            Map<String, Integer> perSalesperson = new HashMap<>();
            for (Future<Response> result : pool.invokeAll(intakes)) {
                Response created = result.get();
                created.then().statusCode(201);
                String id = created.path("id");
                Response lead = as(manager).get(LEADS + "/" + id);
                perSalesperson.merge(lead.path("assigneeId"), 1, Integer::sum);
                List<String> assignments = as(manager).get(LEADS + "/" + id + "/history").path(
                        "items.findAll { it.action == 'ASSIGNED' }.action");
                assertEquals(1, assignments.size(), "one assignment per lead");
            }
            Map<String, Integer> expected = new HashMap<>();
            team.forEach(s -> expected.put(s.id().toString(), 5));
            assertEquals(expected, perSalesperson);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withNobodyOnDutyOrRoutingOffLeadsWaitInThePoolForAClaim() {
        String id = Leads.create(portal, Leads.walkIn("客户", Api.newPhone())).then().statusCode(201)
                .extract().path("id");
        as(manager).get(LEADS + "/" + id).then().body("assigneeId", org.hamcrest.Matchers.nullValue());
        Tokens.Staff first = Tokens.staff(dealer, "sales");
        Tokens.Staff second = Tokens.staff(dealer, "sales");
        // the pool is visible to every salesperson, but only claimed leads can be worked
        as(first).queryParam("assignee", "none").get(LEADS).then().statusCode(200).body("items.id", hasItem(id));
        assertProblem(Leads.act(first, id, "contact"), 403, "forbidden");
        io.restassured.RestAssured.given().header("Authorization", first.bearer()).post(LEADS + "/" + id + "/claim")
                .then().statusCode(200).body("assigneeId", equalTo(first.id().toString()));
        assertProblem(Leads.act(second, id, "claim"), 409, "already-assigned").body("$", not(hasKey("assigneeId")));
        Leads.act(first, id, "claim").then().statusCode(200);
        as(manager).get(LEADS + "/" + id + "/history").then().body("items.changes.assignedBy.to", hasItem("CLAIMED"));
        // the customer, unowned until now, goes with the lead
        String customer = as(first).get(LEADS + "/" + id).path("customer.id");
        as(first).get(Api.CUSTOMERS + "/" + customer).then().statusCode(200)
                .body("ownerId", equalTo(first.id().toString()));
    }

    @Test
    void twoSalespeopleClaimingAtOnceGetOneLeadBetweenThem() throws Exception {
        String id = Leads.create(portal, Leads.walkIn("客户", Api.newPhone())).then().statusCode(201)
                .extract().path("id");
        List<Tokens.Staff> claimers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Tokens.Staff s = Tokens.staff(dealer, "sales");
            as(s).get("/api/v1/me/identity").then().statusCode(200);
            claimers.add(s);
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimers.size());
        try {
            List<Callable<Response>> claims = claimers.stream()
                    .map(s -> (Callable<Response>) () -> Leads.act(s, id, "claim")).toList();
            int won = 0;
            for (Future<Response> result : pool.invokeAll(claims)) {
                int status = result.get().statusCode();
                if (status == 200) {
                    won++;
                } else {
                    assertEquals(409, status, "a losing claim");
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aManagerAssignsAndReassignsOpenLeadsOnly() {
        Tokens.Staff a = Tokens.staff(dealer, "sales");
        Tokens.Staff b = Tokens.staff(dealer, "sales");
        as(a).get("/api/v1/me/identity").then().statusCode(200);
        as(b).get("/api/v1/me/identity").then().statusCode(200);
        String id = Leads.createNew(a);
        as(manager).body(Map.of("assigneeId", b.id().toString())).post(LEADS + "/" + id + "/assign").then()
                .statusCode(200).body("assigneeId", equalTo(b.id().toString()));
        assertProblem(as(a).get(LEADS + "/" + id), 404, "not-found");
        assertProblem(as(a).body(Map.of("assigneeId", a.id().toString())).post(LEADS + "/" + id + "/assign"), 403,
                "forbidden");
        assertProblem(as(manager).body(Map.of("assigneeId", UUID.randomUUID().toString()))
                .post(LEADS + "/" + id + "/assign"), 422, "unknown-assignee");
        as(b).body(Map.of("reason", "不买了")).post(LEADS + "/" + id + "/lose").then().statusCode(200);
        assertProblem(as(manager).body(Map.of("assigneeId", a.id().toString())).post(LEADS + "/" + id + "/assign"),
                409, "lead-closed");
        // open leads are the salesperson's open work, for a manager to hand over before they leave
        String open = Leads.createNew(a);
        as(manager).get("/api/v1/staff/" + a.id() + "/open-work").then().statusCode(200)
                .body("leads.total", equalTo(1)).body("leads.items[0].id", equalTo(open));
        List<Map<String, Object>> history = as(manager).get(LEADS + "/" + id + "/history").path("items");
        long assignments = history.stream().filter(e -> "ASSIGNED".equals(e.get("action"))).count();
        assertEquals(2, assignments);
    }

    private static Map<String, Object> withAssignee(String assignee) {
        Map<String, Object> body = Leads.walkIn("客户", Api.newPhone());
        body.put("assigneeId", assignee);
        return body;
    }
}
