package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules every operation of the served document keeps, so that a new endpoint cannot slip in
 * without them: a stable camelCase operationId, a tag and a summary, its roles, a typed success body,
 * snake_case schemas with ECMA-262 patterns, examples on request bodies, references that resolve.
 * Each test collects every offender, so that one run names them all.
 */
class OpenApiDocumentIT {

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]+");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonObject doc;

    @BeforeAll
    static void load() {
        try (Response r =
                anonymous("openapi").header("Accept", "application/json").get()) {
            assertEquals(200, r.getStatus());
            doc = body(r);
        }
        assertEquals("3.1.0", doc.getString("openapi"));
    }

    private static void eachOperation(BiConsumer<String, JsonObject> check) {
        doc.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((verb, op) -> {
                    if (VERBS.contains(verb) && path.startsWith("/api/")) {
                        check.accept(verb.toUpperCase() + " " + path, op.asJsonObject());
                    }
                }));
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdATagASummaryTypedParametersAndItsRoles() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        eachOperation((name, op) -> {
            String id = op.getString("operationId", "");
            if (!CAMEL_CASE.matcher(id).matches()) {
                wrong.add(name + ": operationId '" + id + "' is not camelCase");
            } else if (ids.put(id, name) != null) {
                wrong.add(name + ": operationId '" + id + "' also names " + ids.get(id));
            }
            if (!op.containsKey("tags") || op.getJsonArray("tags").isEmpty()) {
                wrong.add(name + ": no tag");
            }
            if (op.getString("summary", "").isBlank()) {
                wrong.add(name + ": no summary");
            }
            if (op.containsKey("parameters")) {
                op.getJsonArray("parameters").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(p -> !p.containsKey("schema")
                                || !p.getJsonObject("schema").containsKey("type"))
                        .forEach(p -> wrong.add(name + ": parameter " + p.getString("name") + " has no type"));
            }
            boolean isPublic =
                    op.containsKey("security") && op.getJsonArray("security").isEmpty();
            boolean hasRoles =
                    op.containsKey("x-roles") && !op.getJsonArray("x-roles").isEmpty();
            if (isPublic == hasRoles) {
                wrong.add(name + (isPublic ? ": public but lists roles" : ": secured without x-roles"));
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertTrue(ids.size() >= 53, "operations documented: " + ids.size());
    }

    @Test
    void everySuccessHasATypedJsonBodyOrNone() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonObject responses = op.getJsonObject("responses");
            List<String> success =
                    responses.keySet().stream().filter(s -> s.startsWith("2")).toList();
            if (success.isEmpty()) {
                wrong.add(name + ": no 2xx response");
            }
            for (String status : success) {
                JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                if ("204".equals(status)) {
                    if (content != null) {
                        wrong.add(name + ": 204 with a body");
                    }
                } else if (content == null
                        || !content.containsKey("application/json")
                        || !content.getJsonObject("application/json").containsKey("schema")) {
                    wrong.add(name + ": " + status + " without an application/json schema");
                }
            }
            for (String status : responses.keySet()) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                    if (content == null || !content.containsKey("application/problem+json")) {
                        wrong.add(name + ": " + status + " is not a problem");
                    }
                }
            }
            if (name.startsWith("GET") && !responses.containsKey("200")) {
                wrong.add(name + ": a GET without 200");
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    @Test
    void listsAnswerTypedPagesWithLinksAndPagingParameters() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonObject ok = op.getJsonObject("responses").getJsonObject("200");
            String ref = ok == null || ok.getJsonObject("content") == null
                    ? null
                    : ok.getJsonObject("content")
                            .getJsonObject("application/json")
                            .getJsonObject("schema")
                            .getString("$ref", null);
            if (ref == null || !ref.endsWith("Page") || ref.endsWith("PerformancePage") || ref.endsWith("ValuePage")) {
                return;
            }
            JsonObject page = schema(ref);
            if (!page.getJsonArray("required").toString().contains("pagination")
                    || !"array"
                            .equals(page.getJsonObject("properties")
                                    .getJsonObject("data")
                                    .getString("type"))) {
                wrong.add(name + ": " + ref + " is not {data: [...], pagination}");
            }
            if (!ok.getJsonObject("headers").containsKey("Link")) {
                wrong.add(name + ": no Link header");
            }
            List<String> params = op.getJsonArray("parameters").stream()
                    .map(p -> p.asJsonObject().getString("name"))
                    .toList();
            if (!params.containsAll(List.of("page", "per_page", "sort"))) {
                wrong.add(name + ": paging parameters " + params);
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        JsonObject orders =
                doc.getJsonObject("paths").getJsonObject("/api/orders").getJsonObject("get");
        assertEquals(
                "#/components/schemas/OrderPage",
                orders.getJsonObject("responses")
                        .getJsonObject("200")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getString("$ref"));
    }

    @Test
    void schemasUseTheWireNamesEcmaPatternsAndResolvableReferences() {
        List<String> wrong = new ArrayList<>();
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        schemas.forEach((name, schema) -> walk(name, schema, wrong));
        doc.getJsonObject("paths").forEach((path, item) -> walk(path, item, wrong));
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        JsonObject order = schemas.getJsonObject("OrderResponse");
        assertTrue(order.getJsonObject("properties").containsKey("customer"));
        assertTrue(order.getJsonObject("properties").getJsonObject("id").getBoolean("readOnly"));
        assertTrue(order.getJsonArray("required").contains(jsonString("allowed_transitions")));
        assertTrue(order.getJsonObject("properties")
                .getJsonObject("status")
                .getJsonArray("enum")
                .contains(jsonString("placed")));
    }

    /**
     * Money and rates state their precision in a way every validator computes right: {@code x-fraction-digits}
     * and the description, never a fractional {@code multipleOf}, which Ajv and Python's jsonschema compute in
     * binary floating point (for them 0.09 is no multiple of 0.01 nor of 0.0001, and a validating proxy
     * refused every order).
     */
    @Test
    void decimalsStateTheirPrecisionWithoutAFractionalMultipleOf() {
        List<String> wrong = new ArrayList<>();
        doc.getJsonObject("components")
                .getJsonObject("schemas")
                .forEach((name, schema) -> walkMultipleOf(name, schema, wrong));
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        JsonObject order = schemas().getJsonObject("OrderResponse").getJsonObject("properties");
        assertEquals(2, order.getJsonObject("total").getInt("x-fraction-digits"));
        assertEquals("At most 2 decimal places.", order.getJsonObject("total").getString("description"));
        assertEquals(4, order.getJsonObject("tax_rate").getInt("x-fraction-digits"));
    }

    private static JsonObject schemas() {
        return doc.getJsonObject("components").getJsonObject("schemas");
    }

    private static void walkMultipleOf(String where, JsonValue value, List<String> wrong) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> walkMultipleOf(where, v, wrong));
        } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            value.asJsonObject().forEach((key, child) -> {
                if ("multipleOf".equals(key) && child instanceof jakarta.json.JsonNumber step && !step.isIntegral()) {
                    wrong.add(where + ": multipleOf " + step);
                }
                walkMultipleOf(where + "/" + key, child, wrong);
            });
        }
    }

    @Test
    void everyRequestBodyHasAnExample() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonObject requestBody = op.getJsonObject("requestBody");
            if (requestBody == null) {
                return;
            }
            JsonObject content = requestBody.getJsonObject("content");
            JsonObject body = content.containsKey("application/json")
                    ? content.getJsonObject("application/json")
                    : content.getJsonObject("application/x-www-form-urlencoded");
            JsonObject schema = body.getJsonObject("schema");
            JsonObject target = schema.containsKey("$ref") ? schema(schema.getString("$ref")) : schema;
            if (!target.containsKey("examples") && !target.containsKey("example")) {
                wrong.add(name + ": the request body has no example");
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    /**
     * {@code docs/openapi.json} is the served document (without its port-dependent {@code servers}); the
     * build generates the test client from it. {@code -Dopenapi.update=true} rewrites it.
     */
    @Test
    void theCommittedSnapshotIsTheServedDocument() throws IOException {
        JsonObject served =
                jakarta.json.Json.createObjectBuilder(doc).remove("servers").build();
        Path snapshot = Path.of(System.getProperty("project.basedir", "."), "docs", "openapi.json");
        if (Boolean.getBoolean("openapi.update")) {
            var writer = new java.io.StringWriter();
            jakarta.json.Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(writer)
                    .write(served);
            Files.writeString(snapshot, writer.toString().strip() + "\n");
        }
        JsonObject committed;
        try (var reader = jakarta.json.Json.createReader(Files.newBufferedReader(snapshot))) {
            committed = reader.readObject();
        }
        assertTrue(
                committed.equals(served),
                "docs/openapi.json is not the served document: run "
                        + "mvn verify -Dit.test=OpenApiDocumentIT -Dopenapi.update=true and commit it");
    }

    @Test
    void libertyFoundNoErrorInTheDocument() throws IOException {
        Path log = Path.of(System.getProperty("liberty.server.dir"), "logs", "messages.log");
        List<String> errors = Files.readAllLines(log).stream()
                .filter(l -> l.contains("CWWKO1650E"))
                .toList();
        assertTrue(errors.isEmpty(), () -> "Liberty's OpenAPI validation: " + errors);
    }

    private static void walk(String where, JsonValue value, List<String> wrong) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> walk(where, v, wrong));
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        JsonObject object = value.asJsonObject();
        object.forEach((key, child) -> {
            if ("properties".equals(key) && child.getValueType() == JsonValue.ValueType.OBJECT) {
                child.asJsonObject().keySet().stream()
                        .filter(p -> !SNAKE_CASE.matcher(p).matches())
                        .forEach(p -> wrong.add(where + ": property '" + p + "' is not snake_case"));
            }
            if ("pattern".equals(key)
                    && child instanceof JsonString pattern
                    && (pattern.getString().contains("(?")
                            || pattern.getString().contains("\\A")
                            || pattern.getString().contains("\\Z")
                            || pattern.getString().contains("\\p{"))) {
                wrong.add(where + ": pattern " + pattern.getString() + " is not ECMA-262");
            }
            if ("$ref".equals(key) && child instanceof JsonString ref && schemaOrNull(ref.getString()) == null) {
                wrong.add(where + ": $ref " + ref.getString() + " does not resolve");
            }
            walk(where + "/" + key, child, wrong);
        });
    }

    private static JsonObject schema(String ref) {
        JsonObject schema = schemaOrNull(ref);
        assertTrue(schema != null, "no schema " + ref);
        return schema;
    }

    private static JsonObject schemaOrNull(String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            return null;
        }
        return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(ref.substring(prefix.length()));
    }

    private static JsonString jsonString(String value) {
        return jakarta.json.Json.createValue(value);
    }
}
