package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static com.dealerops.support.Leads.LEADS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LeadIntakeTest {

    private final UUID dealer = Tokens.newDealer();
    private final Tokens.Staff sales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff otherSales = Tokens.staff(dealer, "sales");
    private final Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
    private final Tokens.Staff portal = Tokens.staff(dealer, "integration");

    @Test
    void walkInCreatesCustomerAndLeadOwnedByTheSalesperson() {
        String phone = Api.newPhone();
        Map<String, Object> body = Leads.walkIn("王伟", phone);
        body.put("timeframe", Map.of("earliest", "2026-01-01", "latest", "2099-12-31"));
        body.put("tradeIn", Map.of("make", "Volkswagen", "model", "Lavida", "year", 2018, "mileageKm", 86000));
        Response created = Leads.create(sales, body);
        String id = created.then().statusCode(201)
                .header("Location", equalTo("/api/v1/leads/" + created.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("NEW"))
                .body("grade", equalTo("C"))
                .body("assigneeId", equalTo(sales.id().toString()))
                .body("customer.name", equalTo("王伟"))
                .body("customer.phone", equalTo("+86" + phone))
                .body("customer.maskedPhone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("tradeIn.mileageKm", equalTo(86000))
                .body("allowedActions", equalTo(List.of("contact", "lose", "make-dormant")))
                .body("responseDueAt", notNullValue())
                .extract().path("id");
        String customerId = created.path("customer.id");
        as(sales).get(Api.CUSTOMERS + "/" + customerId).then().statusCode(200)
                .body("ownerId", equalTo(sales.id().toString()))
                .body("contactConsent", equalTo(true));
        as(sales).get(LEADS + "/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void gradeComesFromTheTimeframe() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Object[][] cases = { { 3, "H" }, { 7, "H" }, { 8, "A" }, { 15, "A" }, { 16, "B" }, { 30, "B" }, { 31, "C" } };
        for (Object[] c : cases) {
            Map<String, Object> body = Leads.walkIn("客户", Api.newPhone());
            body.put("timeframe", Map.of("latest", today.plusDays((Integer) c[0]).toString()));
            Leads.create(sales, body).then().statusCode(201).body("grade", equalTo(c[1]));
        }
        Map<String, Object> earliestOnly = Leads.walkIn("客户", Api.newPhone());
        earliestOnly.put("timeframe", Map.of("earliest", today.plusDays(10).toString()));
        Leads.create(sales, earliestOnly).then().statusCode(201).body("grade", equalTo("A"));
        Leads.create(sales, Leads.walkIn("客户", Api.newPhone())).then().statusCode(201).body("grade", equalTo("C"));
    }

    @Test
    void badIntakesAreProblemsAndChangeNothing() {
        String phone = Api.newPhone();
        Map<String, Object> both = Leads.walkIn("客户", phone);
        both.put("customerId", UUID.randomUUID().toString());
        assertProblem(Leads.create(sales, both), 400, "validation-failed");
        Map<String, Object> backwards = Leads.walkIn("客户", phone);
        backwards.put("timeframe", Map.of("earliest", "2026-12-10", "latest", "2026-12-01"));
        assertProblem(Leads.create(sales, backwards), 400, "validation-failed");
        Map<String, Object> noSource = Leads.walkIn("客户", phone);
        noSource.remove("source");
        assertProblem(Leads.create(sales, noSource), 400, "validation-failed");
        Map<String, Object> assigned = Leads.walkIn("客户", phone);
        assigned.put("assigneeId", otherSales.id().toString());
        assertProblem(Leads.create(sales, assigned), 403, "forbidden");
        assertProblem(as(sales).body("{\"source\":").post(LEADS), 400, "bad-request");
        Map<String, Object> orphanProviderId = Leads.walkIn("客户", phone);
        orphanProviderId.put("providerLeadId", "X-1");
        assertProblem(Leads.create(sales, orphanProviderId), 400, "validation-failed");
        orphanProviderId.put("provider", "   ");
        assertProblem(Leads.create(sales, orphanProviderId), 400, "validation-failed");
        // nothing was created for this phone
        as(manager).queryParam("phone", phone).get(Api.CUSTOMERS).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void samePhoneWithAnOpenLeadAttachesTheInterestInsteadOfADuplicate() {
        String phone = Api.newPhone();
        String first = Leads.create(sales, Leads.walkIn("张三", phone)).then().statusCode(201).extract().path("id");
        Map<String, Object> again = Leads.walkIn("张三", "+86 " + phone);
        again.put("interests", List.of(Map.of("make", "Toyota", "model", "Camry")));
        again.put("comments", "又打电话来问凯美瑞");
        Leads.create(sales, again).then().statusCode(200)
                .body("id", equalTo(first))
                .body("duplicateOf", equalTo(first))
                .body("duplicateMatch", equalTo("PHONE"))
                .body("interests", hasSize(1));
        as(sales).get(LEADS + "/" + first + "/activities").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("INTEREST"))
                .body("items[0].details.interests[0].model", equalTo("Camry"))
                .body("items[0].details.comments", equalTo("又打电话来问凯美瑞"));
        as(sales).get(LEADS + "/" + first + "/history").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("DUPLICATE_INTAKE"));
        // one lead for the customer
        String customer = as(sales).get(LEADS + "/" + first).path("customer.id");
        as(manager).queryParam("customerId", customer).get(LEADS).then().body("items", hasSize(1));
    }

    @Test
    void sameEmailMatchesTheCustomerToo() {
        String email = "lead-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> first = Leads.walkIn("李四", Api.newPhone());
        ((Map<String, Object>) first.get("customer")).put("email", email);
        String id = Leads.create(manager, first).then().statusCode(201).extract().path("id");
        Map<String, Object> byEmail = new java.util.LinkedHashMap<>(Map.of("source", "WEBSITE",
                "customer", Map.of("name", "Li Si", "email", email.toUpperCase())));
        Leads.create(manager, byEmail).then().statusCode(200)
                .body("duplicateOf", equalTo(id)).body("duplicateMatch", equalTo("EMAIL"));
        // an email nobody has and no phone: no customer can be created
        assertProblem(Leads.create(manager, Map.of("source", "WEBSITE",
                "customer", Map.of("name", "No Phone", "email", "nobody-" + UUID.randomUUID() + "@example.cn"))),
                400, "validation-failed");
    }

    @Test
    void aWalkInOfAColleaguesCustomerGoesToTheColleagueAndRevealsNothing() {
        String email = "owned-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> customer = Api.customer("周杰", Api.newPhone());
        customer.put("email", email);
        String customerId = Api.createCustomer(otherSales, customer).path("id");
        Map<String, Object> probe = new java.util.LinkedHashMap<>(Map.of("source", "WALK_IN",
                "customer", Map.of("name", "试探", "phone", Api.newPhone(), "email", email)));
        String id = Leads.create(sales, probe).then().statusCode(201)
                .body("$", not(hasKey("customer"))).body("$", not(hasKey("assigneeId")))
                .extract().path("id");
        assertProblem(as(sales).get(LEADS + "/" + id), 404, "not-found");
        as(otherSales).get(LEADS + "/" + id).then().statusCode(200)
                .body("assigneeId", equalTo(otherSales.id().toString()))
                .body("customer.id", equalTo(customerId));
        as(manager).get(LEADS + "/" + id + "/history").then()
                .body("items.changes.assignedBy.to", org.hamcrest.Matchers.hasItem("CUSTOMER_OWNER"));
    }

    @Test
    void aDuplicateOfAnotherSalespersonsLeadShowsOnlyItsIntakeFields() {
        String phone = Api.newPhone();
        String first = Leads.create(sales, Leads.walkIn("王五", phone)).then().statusCode(201).extract().path("id");
        Leads.create(otherSales, Leads.walkIn("王五", phone)).then().statusCode(200)
                .body("duplicateOf", equalTo(first))
                .body("status", equalTo("NEW"))
                .body("$", not(hasKey("customer")))
                .body("$", not(hasKey("assigneeId")));
        assertProblem(as(otherSales).get(LEADS + "/" + first), 404, "not-found");
    }

    @Test
    void integrationCreatesByJsonReadsOnlyItsOwnLeadsIntakeAndNothingElse() {
        Map<String, Object> body = Leads.walkIn("赵六", Api.newPhone());
        body.put("source", "THIRD_PARTY_PORTAL");
        body.put("providerLeadId", "P-" + UUID.randomUUID());
        Response created = Leads.create(portal, body);
        String id = created.then().statusCode(201)
                .body("provider", equalTo(portal.name()))
                .body("$", not(hasKey("customer")))
                .extract().path("id");
        as(portal).get(LEADS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("NEW")).body("$", not(hasKey("customer")));
        // the same provider lead again is the same lead
        Leads.create(portal, body).then().statusCode(200).body("id", equalTo(id))
                .body("duplicateMatch", equalTo("PROVIDER_LEAD_ID"));
        String others = Leads.createNew(manager);
        assertProblem(as(portal).get(LEADS + "/" + others), 404, "not-found");
        assertProblem(as(portal).get(LEADS), 403, "forbidden");
        assertProblem(as(portal).get(LEADS + "/" + id + "/activities"), 403, "forbidden");
        assertProblem(as(portal).post(LEADS + "/" + id + "/contact"), 403, "forbidden");
        Map<String, Object> withId = Leads.walkIn("赵六", Api.newPhone());
        withId.remove("customer");
        withId.put("customerId", UUID.randomUUID().toString());
        assertProblem(Leads.create(portal, withId), 400, "validation-failed");
        as(manager).get(LEADS + "/" + id + "/source").then().statusCode(200)
                .body("format", equalTo("JSON")).body("payload", containsString("赵六"));
        // the payload holds the full phone: a salesperson sees it once the lead is theirs
        assertProblem(as(sales).get(LEADS + "/" + id + "/source"), 403, "forbidden");
        Leads.act(sales, id, "claim").then().statusCode(200);
        as(sales).get(LEADS + "/" + id + "/source").then().statusCode(200);
    }

    @Test
    void fullAdfSampleMapsEveryFieldItCanAndKeepsTheRest() {
        String xml = sample("adf/lead-full.xml").replace("13812345678", Api.newPhone())
                .replace("AP-2026-118733", "AP-" + UUID.randomUUID());
        Response created = adf(portal, xml, "application/adf+xml");
        String id = created.then().statusCode(201)
                .body("source", equalTo("THIRD_PARTY_PORTAL"))
                .body("provider", equalTo("AutoPortal"))
                .extract().path("id");
        as(manager).get(LEADS + "/" + id).then().statusCode(200)
                .body("customer.name", equalTo("王伟"))
                .body("interests", hasSize(1))
                .body("interests[0].make", equalTo("BYD"))
                .body("interests[0].model", equalTo("Seal"))
                .body("interests[0].trim", equalTo("650 Premium"))
                .body("interests[0].colour", equalTo("Aurora White"))
                .body("interests[0].modelYear", equalTo(2026))
                .body("interests[0].condition", equalTo("NEW"))
                .body("tradeIn.make", equalTo("Volkswagen"))
                .body("tradeIn.year", equalTo(2018))
                .body("tradeIn.mileageKm", equalTo(86000))
                .body("timeframe.earliest", equalTo("2026-11-28"))
                .body("timeframe.latest", equalTo("2026-12-04"))
                .body("requestedAt", equalTo("2026-11-27T10:15:00+08:00"))
                .body("comments", containsString("Prefers WeChat after 6pm"))
                .body("comments", containsString("Wants a test drive this weekend"));
        as(manager).get(LEADS + "/" + id + "/source").then().statusCode(200)
                .body("format", equalTo("ADF_XML"))
                .body("payload", containsString("<adf>"))
                .body("unmapped.'adf/prospect/vehicle[1]/price'", equalTo("189800"))
                .body("unmapped.'adf/prospect/customer/contact/address/city'", equalTo("上海"))
                .body("unmapped.'adf/prospect/vendor/vendorname'", equalTo("Pudong BYD 4S Store"))
                .body("unmapped.'adf/prospect/provider/service'", equalTo("New car price enquiry"))
                .body("unmapped", not(hasKey("adf/prospect/vehicle[1]/make")));
    }

    @Test
    void minimalAdfSampleAndTheXAdfMediaType() {
        String phone = Api.newPhone();
        String xml = sample("adf/lead-minimal.xml").replace("+86 139 0000 1111", "+86 " + phone.substring(0, 3)
                + " " + phone.substring(3, 7) + " " + phone.substring(7));
        String id = adf(portal, xml, "application/x-adf+xml").then().statusCode(201).extract().path("id");
        as(manager).get(LEADS + "/" + id).then().statusCode(200)
                .body("customer.name", equalTo("李娜"))
                .body("customer.phone", equalTo("+86" + phone))
                .body("interests[0].model", equalTo("Camry"))
                .body("grade", equalTo("C"))
                .body("$", not(hasKey("tradeIn")));
    }

    @Test
    void hostileOrBrokenAdfIsRejectedAndChangesNothing() {
        String phone = Api.newPhone();
        String valid = sample("adf/lead-minimal.xml").replace("+86 139 0000 1111", phone);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE adf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + valid.substring(valid.indexOf("<adf>")).replace("李娜", "&x;");
        assertProblem(adf(portal, xxe, "application/adf+xml"), 400, "bad-request")
                .body("detail", containsString("DOCTYPE"))
                .body(not(containsString("root:")));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><adf><prospect>&lol2;</prospect></adf>";
        assertProblem(adf(portal, bomb, "application/adf+xml"), 400, "bad-request");
        assertProblem(adf(portal, valid.replace("</adf>", ""), "application/adf+xml"), 400, "bad-request")
                .body("detail", containsString("line"));
        assertProblem(adf(portal, "<lead/>", "application/adf+xml"), 400, "validation-failed");
        assertProblem(adf(portal, valid.replace("<customer>", "<x>").replace("</customer>", "</x>"),
                "application/adf+xml"), 400, "validation-failed");
        String huge = valid.replace("</prospect>", "<comments>" + "x".repeat(1_100_000) + "</comments></prospect>");
        assertProblem(adf(portal, huge, "application/adf+xml"), 413, "payload-too-large");
        // far below the API's 1 MB, but no real lead: a DOM of many tiny elements would crowd a small heap
        String manyElements = valid.replace("</prospect>", "<x/>".repeat(20_000) + "</prospect>");
        assertProblem(adf(portal, manyElements, "application/adf+xml"), 413, "payload-too-large");
        as(manager).queryParam("phone", phone).get(Api.CUSTOMERS).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void rolesOutsideSalesSeeNoLeads() {
        String id = Leads.createNew(sales);
        for (String role : List.of("finance", "after-sales", "admin")) {
            Tokens.Staff other = Tokens.staff(dealer, role);
            assertProblem(as(other).get(LEADS), 403, "forbidden");
            assertProblem(as(other).get(LEADS + "/" + id), 403, "forbidden");
            assertProblem(Leads.create(other, Leads.walkIn("客户", Api.newPhone())), 403, "forbidden");
        }
        Tokens.Staff service = Tokens.staff(dealer, "customer-service");
        as(service).get(LEADS + "/" + id).then().statusCode(200).body("customer.phone", notNullValue());
        assertProblem(Leads.create(service, Leads.walkIn("客户", Api.newPhone())), 403, "forbidden");
        assertProblem(Leads.act(service, id, "contact"), 403, "forbidden");
        // another dealer's staff do not see it at all
        assertProblem(as(Tokens.staff(Tokens.newDealer(), "sales-manager")).get(LEADS + "/" + id), 404, "not-found");
    }

    @Test
    void aClientChosenIdIsAcceptedOnce() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = Leads.walkIn("客户", Api.newPhone());
        body.put("id", id);
        Leads.create(sales, body).then().statusCode(201).body("id", equalTo(id));
        Map<String, Object> other = Leads.walkIn("客户", Api.newPhone());
        other.put("id", id);
        assertProblem(Leads.create(sales, other), 409, "id-taken");
    }

    @Test
    void idempotencyKeyReplaysTheCreation() {
        Map<String, Object> body = Leads.walkIn("客户", Api.newPhone());
        String key = UUID.randomUUID().toString();
        Response first = as(sales).header("Idempotency-Key", key).body(body).post(LEADS);
        first.then().statusCode(201);
        Response replay = as(sales).header("Idempotency-Key", key).body(body).post(LEADS);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
    }

    private static Response adf(Tokens.Staff staff, String xml, String type) {
        return io.restassured.RestAssured.given().header("Authorization", staff.bearer())
                .contentType(type + "; charset=UTF-8").body(xml.getBytes(StandardCharsets.UTF_8)).post(LEADS);
    }

    private static String sample(String path) {
        try (InputStream in = LeadIntakeTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
