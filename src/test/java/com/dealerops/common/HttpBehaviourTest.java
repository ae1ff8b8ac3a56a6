package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

/** Request ids, compression, health and metrics. */
@QuarkusTest
class HttpBehaviourTest {

    private final Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");

    @Test
    void aRequestIdIsEchoedOrGenerated() {
        as(sales).header("X-Request-Id", "tablet-42:7").get(CUSTOMERS).then().statusCode(200)
                .header("X-Request-Id", "tablet-42:7");
        as(sales).get(CUSTOMERS).then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        // an unsafe one (log injection) is replaced
        as(sales).header("X-Request-Id", "x\u0007y z").get(CUSTOMERS).then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().get("/q/health/live").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void responsesAreGzippedForClientsThatAskForIt() {
        for (int i = 0; i < 5; i++) {
            Api.createCustomer(sales);
        }
        as(sales).header("Accept-Encoding", "gzip").get(CUSTOMERS).then().statusCode(200)
                .header("Content-Encoding", "gzip");
        as(sales).config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").get(CUSTOMERS).then().statusCode(200)
                .header("Content-Encoding", nullValue());
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database schema migrated"))
                .body(containsString("Reactive PostgreSQL connections health check"));
        as(sales).get(CUSTOMERS).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/customers\""))
                .body(not(containsString(sales.token())));
    }
}
