package com.dealerops.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every operation of the committed OpenAPI document gets bodies and parameters of the wrong type, empty, huge,
 * deeply nested, with unknown fields, invalid enums, SQL and script fragments, broken UTF-8, and invalid or forged
 * tokens. Not one answer may be a 5xx, every error must be problem+json, and a rejected request must change no row.
 * New operations are covered as soon as they are in the document.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> TABLES = List.of("dealer", "staff", "customer", "audit_event",
            "idempotency_key", "dealer_settings");
    private static final String SQL_FRAGMENT = "'; DROP TABLE customer; --";
    private static final String SCRIPT_FRAGMENT = "<script>alert(document.cookie)</script>";

    @Inject
    Pool pool;

    private final List<String> failures = new ArrayList<>();
    private int requests;

    private record Attack(String name, Consumer<RequestSpecification> request) {
    }

    @Test
    void noOperationAnswersHostileInputWithA5xxOrChangesData() throws Exception {
        JsonNode document = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json")));
        UUID dealer = Tokens.newDealer();
        // one caller with every role an operation may require, so that requests reach validation
        Tokens.Staff everyone = new Tokens.Staff(dealer, UUID.randomUUID(), "Hostile", java.util.Set.of(),
                Tokens.sign(Tokens.claims(dealer, UUID.randomUUID().toString(), "Hostile", "admin", "sales-manager",
                        "sales", "customer-service")));
        Tokens.Staff colleague = Tokens.staff(dealer, "sales");
        as(colleague).get(Api.CUSTOMERS).then().statusCode(200);
        String customer = Api.createCustomer(everyone);

        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    attack(document, method, path.getKey(), operation, everyone, customer, colleague.id());
                }
            }
        }
        assertTrue(requests > 500, "expected hundreds of hostile requests, sent " + requests);
        assertEquals(List.of(), failures.stream().distinct().limit(40).toList());
    }

    private void attack(JsonNode document, String method, String template, JsonNode operation, Tokens.Staff caller,
            String customer, UUID staff) {
        String path = template.replace("{id}", template.startsWith("/api/v1/staff") ? staff.toString() : customer)
                .replace("{section}", "leads").replace("{revision}", "1");
        List<Attack> attacks = new ArrayList<>();
        JsonNode body = operation.path("requestBody").path("content");
        String mediaType = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
        if (mediaType != null) {
            JsonNode valid = example(body.get(mediaType));
            JsonNode schema = resolve(document, body.get(mediaType).path("schema"));
            bodyAttacks(attacks, mediaType, valid, schema);
        }
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "query" -> {
                    for (String value : List.of("abc", "-1", "99999999999999999999", SQL_FRAGMENT, "x".repeat(5000),
                            "%00", "\u0000")) {
                        attacks.add(new Attack("query " + name + "=" + abbreviate(value),
                                r -> r.queryParam(name, value)));
                    }
                }
                case "header" -> {
                    for (String value : List.of("garbage", "\"-1\"", "W/\"0\"", SQL_FRAGMENT, "x".repeat(300))) {
                        attacks.add(new Attack("header " + name + "=" + abbreviate(value), r -> r.header(name, value)));
                    }
                }
                default -> {
                }
            }
        }
        attacks.add(new Attack("unknown query parameter", r -> r.queryParam("__bogus", "1")));
        if (template.contains("{")) {
            for (String garbage : List.of("not-a-uuid", "' OR '1'='1", "x".repeat(2000), "..%2F..%2Fetc")) {
                send(method, template.replaceAll("\\{[^}]+}", garbage), "path " + abbreviate(garbage),
                        given().header("Authorization", "Bearer " + caller.token()));
            }
        }
        for (Attack attack : attacks) {
            RequestSpecification request = given().header("Authorization", "Bearer " + caller.token())
                    .header("If-Match", "\"0\"");
            if (mediaType != null && !attack.name().startsWith("body")) {
                request.contentType(mediaType + "; charset=UTF-8").body(example(body.get(mediaType)).toString());
            }
            attack.request().accept(request);
            send(method, path, attack.name(), request);
        }
        for (Map.Entry<String, String> forged : forgedTokens(caller).entrySet()) {
            RequestSpecification request = given().header("Authorization", "Bearer " + forged.getValue())
                    .header("If-Match", "\"0\"");
            if (mediaType != null) { // everything right but the token
                request.contentType(mediaType + "; charset=UTF-8").body(example(body.get(mediaType)).toString());
            }
            Response response = send(method, path, "token " + forged.getKey(), request);
            if (response != null && response.statusCode() != 401) {
                failures.add(method.toUpperCase() + " " + template + " with token " + forged.getKey() + ": "
                        + response.statusCode() + " instead of 401");
            }
        }
    }

    private void bodyAttacks(List<Attack> attacks, String mediaType, JsonNode valid, JsonNode schema) {
        String json = mediaType + "; charset=UTF-8";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty", "");
        bodies.put("null", "null");
        bodies.put("array", "[1,2,3]");
        bodies.put("string", "\"text\"");
        bodies.put("number", "42");
        bodies.put("malformed", "{\"name\":");
        bodies.put("deeply nested", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
        bodies.put("huge", "{\"name\":\"" + "x".repeat(1_200_000) + "\"}");
        if (valid.isObject()) {
            ObjectNode unknown = valid.deepCopy();
            unknown.put("__unknown", 1);
            bodies.put("unknown field", unknown.toString());
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                String name = property.getKey();
                for (Map.Entry<String, JsonNode> wrong : wrongValues(property.getValue()).entrySet()) {
                    ObjectNode mutated = valid.deepCopy();
                    mutated.set(name, wrong.getValue());
                    bodies.put(name + " " + wrong.getKey(), mutated.toString());
                }
            }
        }
        // as bytes: REST Assured would otherwise spend seconds looking into a 20,000-deep JSON text
        bodies.forEach((name, text) -> attacks.add(new Attack("body " + name,
                r -> r.contentType(json).body(text.getBytes(StandardCharsets.UTF_8)))));
        attacks.add(new Attack("body broken UTF-8", r -> r.contentType(json)
                .body(new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
                        '"', '}' })));
        attacks.add(new Attack("body wrong content type", r -> r.contentType("text/plain").body(valid.toString())));
        attacks.add(new Attack("body as XML", r -> r.contentType("application/xml")
                // as bytes: REST Assured would parse an XML text for its log and print the parser's complaint
                .body("<a>&xxe;</a>".getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, JsonNode> wrongValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("as object", JSON.createObjectNode().put("x", 1));
        values.put("as array", JSON.createArrayNode().add("x"));
        values.put("as number", JSON.getNodeFactory().numberNode(-12345678901234L));
        values.put("as boolean", JSON.getNodeFactory().booleanNode(true));
        values.put("as string", JSON.getNodeFactory().textNode("not-what-you-expect"));
        values.put("as SQL", JSON.getNodeFactory().textNode(SQL_FRAGMENT));
        values.put("as script", JSON.getNodeFactory().textNode(SCRIPT_FRAGMENT));
        values.put("as long string", JSON.getNodeFactory().textNode("x".repeat(5_000)));
        values.put("as invalid enum", JSON.getNodeFactory().textNode("NOT_A_VALUE"));
        return values;
    }

    /** Sends one request and checks the answer; a rejected one must leave every table as it was. */
    private Response send(String method, String path, String attack, RequestSpecification request) {
        requests++;
        String before = rows();
        Response response;
        try {
            response = request.request(method.toUpperCase(), path);
        } catch (Exception e) {
            failures.add(method.toUpperCase() + " " + path + " [" + attack + "]: no answer: " + e);
            return null;
        }
        int status = response.statusCode();
        String name = method.toUpperCase() + " " + abbreviate(path) + " [" + attack + "]";
        if (status >= 500) {
            failures.add(name + ": " + status + " " + abbreviate(response.asString()));
        }
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(name + ": " + status + " is not problem+json but " + type);
            } else if (response.jsonPath().getInt("status") != status) {
                failures.add(name + ": problem status differs from " + status);
            }
            if (!before.equals(rows())) {
                failures.add(name + ": rejected with " + status + " but rows changed");
            }
        }
        return response;
    }

    /** Row count and newest row version (xmin) of each table: any insert, update or delete changes it. */
    private String rows() {
        StringBuilder sql = new StringBuilder("SELECT concat_ws(',' ");
        for (String table : TABLES) {
            sql.append(", (SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM ").append(table)
                    .append(")");
        }
        return pool.query(sql.append(")").toString()).execute().await().atMost(Duration.ofSeconds(5)).iterator()
                .next().getString(0);
    }

    private static Map<String, String> forgedTokens(Tokens.Staff caller) {
        String valid = caller.token();
        String[] parts = valid.split("\\.");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("absent-signature", parts[0] + "." + parts[1] + ".");
        tokens.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        tokens.put("tampered payload", parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("\"Hostile\"", "\"Mallory\"")) + "." + parts[2]);
        tokens.put("HS256 with the public key", hs256WithPublicKey(parts[1]));
        tokens.put("expired", Tokens.sign(Tokens.claims(caller.dealerId(), UUID.randomUUID().toString(), "x", "admin")
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))));
        tokens.put("wrong issuer", Tokens.sign(Tokens.claims(caller.dealerId(), UUID.randomUUID().toString(), "x",
                "admin").issuer("https://attacker.example")));
        tokens.put("wrong audience", Tokens.sign(Tokens.claims(caller.dealerId(), UUID.randomUUID().toString(), "x",
                "admin").audience("some-other-api")));
        tokens.put("garbage", "x.y.z");
        tokens.put("empty", "");
        return tokens;
    }

    private static String hs256WithPublicKey(String payload) {
        try {
            byte[] publicKey = Files.readAllBytes(Path.of("src", "dev", "jwt", "public.pem"));
            String unsigned = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + payload;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode example(JsonNode mediaType) {
        JsonNode examples = mediaType.path("examples");
        if (examples.fieldNames().hasNext()) {
            return examples.get(examples.fieldNames().next()).path("value");
        }
        return JSON.createObjectNode();
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static RequestSpecification as(Tokens.Staff staff) {
        return Api.as(staff);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
