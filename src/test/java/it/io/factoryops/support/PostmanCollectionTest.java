package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Postman collection of the committed OpenAPI document (docs/openapi.json, which OpenApiDocumentIT proves to be
 * the served one), without a server: the order of the run, not the answers (NewmanIT sends it).
 */
class PostmanCollectionTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "docs/openapi.json");
    private static final Pattern USED = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");
    private static final Pattern SET =
            Pattern.compile("pm\\.collectionVariables\\.set\\(\\\\?\"([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern EXPECTED = Pattern.compile("to\\.equal\\((\\d{3})\\)");
    /** The variables a user sets (or keeps at their defaults) before the run. */
    private static final Set<String> GIVEN = Set.of("baseUrl", "username", "password", "run_password");

    private static final String OPEN_API = read(DOCUMENT);
    private static final String TEXT = PostmanCollection.generate(OPEN_API);
    private static final List<JsonObject> REQUESTS = requests(parse(TEXT));

    @Test
    void signsInFirstAndSignsOutLast() {
        assertEquals("login", operationId(REQUESTS.get(0)));
        assertEquals("noauth", auth(REQUESTS.get(0)));
        int last = REQUESTS.size() - 1;
        assertEquals("logout", operationId(REQUESTS.get(last - 1)));
        assertEquals("getCurrentUser", operationId(REQUESTS.get(last)));
        assertTrue(script(REQUESTS.get(last), "test").contains("to.equal(401)"), "the signed-out token is refused");
        for (JsonObject request : REQUESTS.subList(0, last - 3)) {
            assertFalse(
                    List.of("logout", "changePassword").contains(operationId(request)),
                    () -> request.getString("name") + " comes before the end");
        }
    }

    @Test
    void everyVariableIsSetByAnEarlierRequest() {
        Set<String> known = new HashSet<>(GIVEN);
        for (JsonObject request : REQUESTS) {
            known.addAll(matches(SET, script(request, "prerequest")));
            Set<String> used =
                    new TreeSet<>(matches(USED, request.getJsonObject("request").toString()));
            used.removeAll(known);
            assertEquals(Set.of(), used, () -> request.getString("name") + " uses variables no earlier request sets");
            known.addAll(matches(SET, script(request, "test")));
        }
    }

    @Test
    void everyPathVariableHasAValue() {
        for (JsonObject request : REQUESTS) {
            JsonObject url = request.getJsonObject("request").getJsonObject("url");
            for (JsonValue variable :
                    url.getJsonArray("variable") == null ? List.<JsonValue>of() : url.getJsonArray("variable")) {
                assertTrue(
                        variable.asJsonObject().getString("value").matches("\\{\\{[a-z][a-z0-9_]*}}"),
                        () -> request.getString("name") + ": " + variable);
            }
        }
    }

    @Test
    void everyOperationIsCalledAndEveryRequestAssertsADocumentedStatus() {
        JsonObject paths = parse(OPEN_API).getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        Set<String> statuses = new HashSet<>();
        paths.values()
                .forEach(item -> item.asJsonObject().forEach((method, operation) -> {
                    if (operation instanceof JsonObject o && o.containsKey("operationId")) {
                        documented.add(o.getString("operationId"));
                        o.getJsonObject("responses")
                                .keySet()
                                .forEach(code -> statuses.add(o.getString("operationId") + " " + code));
                    }
                }));
        Set<String> called = new TreeSet<>();
        for (JsonObject request : REQUESTS) {
            called.add(operationId(request));
            List<String> expected = matches(EXPECTED, script(request, "test"));
            assertEquals(1, expected.size(), () -> request.getString("name") + " asserts one status");
            assertTrue(
                    statuses.contains(operationId(request) + " " + expected.get(0)),
                    () -> request.getString("name") + " expects an undocumented " + expected);
        }
        assertEquals(documented, called);
    }

    @Test
    void anOperationTheRunDoesNotCallFailsTheGeneration() {
        String extra = OPEN_API.replaceFirst(
                "\"paths\"\\s*:\\s*\\{",
                "\"paths\": {\"/api/gadgets\": {\"get\": {\"operationId\": \"listGadgets\", \"responses\": {\"200\": {}}}},");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostmanCollection.generate(extra));
        assertTrue(e.getMessage().contains("[listGadgets]"), e.getMessage());
        assertTrue(e.getMessage().contains("PostmanRun"), e.getMessage());
    }

    @Test
    void theSameDocumentGivesTheSameText() {
        assertEquals(TEXT, PostmanCollection.generate(OPEN_API));
        assertTrue(TEXT.endsWith("}\n"));
    }

    private static String operationId(JsonObject request) {
        String description = request.getJsonObject("request").getString("description");
        return description.substring(description.lastIndexOf("operationId: ") + "operationId: ".length());
    }

    private static String auth(JsonObject request) {
        JsonObject auth = request.getJsonObject("request").getJsonObject("auth");
        return auth == null ? "collection" : auth.getString("type");
    }

    private static String script(JsonObject request, String listen) {
        StringBuilder lines = new StringBuilder();
        for (JsonValue event : request.getJsonArray("event")) {
            if (event.asJsonObject().getString("listen").equals(listen)) {
                event.asJsonObject()
                        .getJsonObject("script")
                        .getJsonArray("exec")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .forEach(line -> lines.append(line.getString()).append('\n'));
            }
        }
        return lines.toString();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<JsonObject> requests(JsonObject collection) {
        List<JsonObject> all = new ArrayList<>();
        for (JsonValue folder : collection.getJsonArray("item")) {
            folder.asJsonObject()
                    .getJsonArray("item")
                    .getValuesAs(JsonObject.class)
                    .forEach(all::add);
        }
        return all;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
