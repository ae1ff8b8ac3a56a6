package com.dealerops.customer;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Tenancy, own-only visibility and masking of contact details. */
@QuarkusTest
class CustomerVisibilityTest {

    @Test
    void anotherDealersCustomerIsNotFoundForAnyone() {
        Tokens.Staff ours = Tokens.staff(Tokens.newDealer(), "sales-manager");
        Tokens.Staff theirs = Tokens.staff(Tokens.newDealer(), "sales-manager");
        String phone = Api.newPhone();
        String id = Api.createCustomer(theirs, Api.customer("别家客户", phone)).path("id");
        String path = CUSTOMERS + "/" + id;

        as(ours).get(path).then().statusCode(404);
        as(ours).get(path + "/history").then().statusCode(404);
        as(ours).header("If-Match", "\"0\"").body(Api.customer("x", Api.newPhone())).put(path).then().statusCode(404);
        as(ours).delete(path).then().statusCode(404);
        as(ours).queryParam("phone", phone).get(CUSTOMERS).then().statusCode(200).body("items", hasSize(0));
        // the same phone is free in our dealer: uniqueness is per dealer
        Api.createCustomer(ours, Api.customer("我们的客户", phone));
        as(theirs).get(path).then().statusCode(200).body("name", equalTo("别家客户"));
    }

    @Test
    void salespeopleSeeOnlyTheirOwnCustomers() {
        UUID dealer = Tokens.newDealer();
        Tokens.Staff li = Tokens.staff(dealer, "sales");
        Tokens.Staff zhang = Tokens.staff(dealer, "sales");
        Tokens.Staff manager = Tokens.staff(dealer, "sales-manager");
        String mine = Api.createCustomer(li);
        String hers = Api.createCustomer(zhang);

        as(li).get(CUSTOMERS).then().statusCode(200).body("items.id", contains(mine));
        as(li).get(CUSTOMERS + "/" + hers).then().statusCode(404);
        as(li).queryParam("owner", zhang.id().toString()).get(CUSTOMERS).then().body("items", hasSize(0));
        as(manager).get(CUSTOMERS).then().body("items.id", containsInAnyOrder(mine, hers));
        as(manager).queryParam("owner", zhang.id().toString()).get(CUSTOMERS).then()
                .body("items.id", contains(hers));
        as(li).queryParam("owner", "me").get(CUSTOMERS).then().body("items.id", contains(mine));
    }

    @Test
    void afterSalesSeesContactDetailsMasked() {
        UUID dealer = Tokens.newDealer();
        Tokens.Staff sales = Tokens.staff(dealer, "sales");
        Tokens.Staff afterSales = Tokens.staff(dealer, "after-sales");
        Tokens.Staff service = Tokens.staff(dealer, "customer-service");
        String phone = Api.newPhone();
        Map<String, Object> body = Api.customer("王芳", phone);
        body.put("email", "wang.fang@example.cn");
        body.put("wechatId", "wangfang_88");
        String id = Api.createCustomer(sales, body).path("id");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);

        as(afterSales).get(CUSTOMERS + "/" + id).then().statusCode(200)
                .body("phone", equalTo(masked))
                .body("email", equalTo("w***@example.cn"))
                .body("wechatId", nullValue());
        as(afterSales).get(CUSTOMERS).then().body("items[0].phone", equalTo(masked));
        as(afterSales).get(CUSTOMERS + "/" + id + "/history").then()
                .body("items[0].changes.phone.to", equalTo(masked))
                .body("items[0].changes.wechatId", nullValue());
        as(service).get(CUSTOMERS + "/" + id).then().body("phone", equalTo("+86" + phone))
                .body("wechatId", equalTo("wangfang_88"));
    }

    @Test
    void searchByPhoneAcceptsAnyFormatAndNamePrefixIgnoresCase() {
        Tokens.Staff manager = Tokens.staff(Tokens.newDealer(), "sales-manager");
        String phone = Api.newPhone();
        String wang = Api.createCustomer(manager, Api.customer("王芳", phone)).path("id");
        String anna = Api.createCustomer(manager, Api.customer("Anna Li", Api.newPhone())).path("id");
        Api.createCustomer(manager, Api.customer("李娜", Api.newPhone()));

        as(manager).queryParam("phone", "+86 " + phone.substring(0, 3) + " " + phone.substring(3)).get(CUSTOMERS)
                .then().body("items.id", contains(wang));
        as(manager).queryParam("namePrefix", "王").get(CUSTOMERS).then().body("items.id", contains(wang));
        as(manager).queryParam("namePrefix", "anna").get(CUSTOMERS).then().body("items.id", contains(anna));
        as(manager).queryParam("namePrefix", "%").get(CUSTOMERS).then().body("items", hasSize(0));
    }
}
