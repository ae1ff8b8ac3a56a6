package com.dealerops.common;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static com.dealerops.support.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.DatabaseProxy;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** With the database gone the service answers 503 quickly, says it is not ready, and recovers by itself. */
@QuarkusTest
class DatabaseOutageTest {

    @AfterEach
    void restore() {
        DatabaseProxy.endOutage();
    }

    @Test
    void outageGives503ThenRecoversWithoutRestart() {
        Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
        String id = Api.createCustomer(sales);

        DatabaseProxy.beginOutage();
        long started = System.nanoTime();
        Response read = as(sales).get(CUSTOMERS + "/" + id);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(read, 503, "service-unavailable").header("Retry-After", equalTo("5"));
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "503 must come quickly, took " + took);

        // a caller the service has never seen needs the database to be registered: still 503, not 401
        Tokens.Staff newcomer = Tokens.staff(Tokens.newDealer(), "sales-manager");
        assertProblem(as(newcomer).get(CUSTOMERS), 503, "service-unavailable");
        assertProblem(as(sales).body(Api.customer("王芳", Api.newPhone())).post(CUSTOMERS), 503,
                "service-unavailable");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

        DatabaseProxy.endOutage();
        awaitReady();
        as(sales).get(CUSTOMERS + "/" + id).then().statusCode(200).body("id", equalTo(id));
        as(newcomer).get(CUSTOMERS).then().statusCode(200);
    }

    @Test
    void theRequestIdIsInTheLogLinesOfItsRequest() {
        List<ExtLogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    synchronized (records) {
                        records.add(ext);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Tokens.Staff sales = Tokens.staff(Tokens.newDealer(), "sales");
            String requestId = "outage-" + UUID.randomUUID();
            DatabaseProxy.beginOutage();
            as(sales).header("X-Request-Id", requestId).get(CUSTOMERS).then().statusCode(503)
                    .header("X-Request-Id", requestId).body("requestId", equalTo(requestId));
            synchronized (records) {
                assertTrue(records.stream().anyMatch(r -> r.getMessage() != null
                        && r.getFormattedMessage().startsWith("Database unavailable")
                        && requestId.equals(r.getMdc("requestId"))),
                        "the 'Database unavailable' warning carries the request id");
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    private static void awaitReady() {
        Awaitility.await("ready again after the database came back").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
