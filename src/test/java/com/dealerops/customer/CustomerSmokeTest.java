package com.dealerops.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerSmokeTest {

    @Test
    void createAndRead() {
        UUID dealer = Tokens.newDealer();
        Tokens.Staff sales = Tokens.staff(dealer, "sales");
        String id = given().header("Authorization", sales.bearer()).contentType("application/json")
                .body("{\"name\":\"王芳\",\"phone\":\"13812345678\"}")
                .when().post("/api/v1/customers")
                .then().log().ifValidationFails().statusCode(201)
                .body("phone", equalTo("+8613812345678"))
                .extract().path("id");
        given().header("Authorization", sales.bearer())
                .when().get("/api/v1/customers/" + id)
                .then().log().all().statusCode(200).body("name", equalTo("王芳"));
    }
}
