package com.dealerops.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed openapi/ document is the contract third parties generate clients from: it must be exactly what
 * the service serves. When this fails after an API change, run {@code ./mvnw package -DskipTests} (the build
 * rewrites openapi/) and commit the result.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedYamlIsWhatTheServiceServes() throws IOException {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertSameDocument(YAML.readTree(COMMITTED.resolve("openapi.yaml").toFile()), YAML.readTree(served));
    }

    @Test
    void theCommittedJsonIsWhatTheServiceServes() throws IOException {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertSameDocument(JSON.readTree(COMMITTED.resolve("openapi.json").toFile()), JSON.readTree(served));
    }

    @Test
    void everyOperationIsDocumentedForClientGenerators() throws IOException {
        JsonNode document = JSON.readTree(Files.readString(COMMITTED.resolve("openapi.json")));
        assertTrue(document.at("/components/securitySchemes/bearer/scheme").asText().equals("bearer"),
                "the JWT bearer scheme is declared");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(document.get("paths"))) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (!operation.has("security")) {
                    problems.add(name + ": no security requirement");
                }
                JsonNode responses = operation.path("responses");
                for (String status : List.of("400", "401", "403", "406", "503")) {
                    if (!responses.has(status)) {
                        problems.add(name + ": does not declare " + status);
                    }
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    problems.add(name + ": does not declare 404");
                }
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : iterable(responses)) {
                    if (response.getKey().startsWith("2")) {
                        success = true;
                        JsonNode content = response.getValue().path("content").path("application/json");
                        if (!content.isMissingNode() && !content.has("examples")) {
                            problems.add(name + ": " + response.getKey() + " has no example");
                        }
                    }
                }
                if (!success) {
                    problems.add(name + ": no success response");
                }
                if (operation.has("requestBody") && !operation.get("requestBody").toString().contains("examples")) {
                    problems.add(name + ": request body has no example");
                }
            }
        }
        assertTrue(operations > 0);
        assertEquals(List.of(), problems);
    }

    /** Same content (object members in any order: the build and the server serialise in different orders). */
    private static void assertSameDocument(JsonNode committed, JsonNode served) {
        List<String> differences = new ArrayList<>();
        diff("", committed, served, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError("openapi/ differs from the served document (run ./mvnw package -DskipTests to "
                    + "regenerate it, then review and commit):\n  " + String.join("\n  ",
                            differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    private static void diff(String at, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed == null || served == null) {
            differences.add(at + (committed == null ? " only served" : " only committed"));
        } else if (committed.isObject() && served.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> diff(at + "/" + name, committed.get(name), served.get(name), differences));
        } else if (!committed.equals(served)) {
            differences.add(at + ": committed " + abbreviate(committed) + ", served " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
