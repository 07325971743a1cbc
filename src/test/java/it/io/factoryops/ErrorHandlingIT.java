package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error class a client can cause is RFC 9457 problem+json with a stable code. */
class ErrorHandlingIT {

    private final String admin = Api.adminToken();

    /**
     * Issue 23: a client's mistake is no incident. Liberty writes an FFDC file (logs/ffdc) for every
     * exception that leaves a {@code @Transactional} method unless it is marked not to roll back; operators read
     * those as incidents. Expected client errors thrown inside services (409 INSUFFICIENT_STOCK, 409
     * INVALID_TRANSITION, 404, 400) leave none. (Liberty stops writing files for an exception type after a
     * few; run alone, this test sees the first ones.)
     */
    @Test
    void clientErrorsLeaveNoFfdcIncident() throws IOException {
        Path ffdc = Path.of(System.getProperty("liberty.server.dir"), "logs", "ffdc");
        Set<Path> before = incidents(ffdc);
        String user = Api.tokenFor("user");
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 1);
        assertRefused(
                as(user, "api/orders").post(json(Fixtures.orderBody(customer, product, 5))), 409, "INSUFFICIENT_STOCK");
        long order;
        try (Response r = as(user, "api/orders").post(json(Fixtures.orderBody(customer, product, 1)))) {
            assertEquals(201, r.getStatus());
            order = Api.body(r).getJsonNumber("id").longValue();
        }
        assertRefused(as(admin, "api/orders/" + order + "/complete").post(json(object())), 409, "INVALID_TRANSITION");
        assertRefused(as(admin, "api/orders/" + (order + 1_000_000)).get(), 404, "NOT_FOUND");
        assertRefused(
                as(user, "api/orders")
                        .post(json(object(
                                "customer_id",
                                customer,
                                "lines",
                                array(object("product_id", product, "quantity", 1)),
                                "product_id",
                                product,
                                "quantity",
                                1))),
                400,
                "VALIDATION_FAILED");
        Set<Path> added = incidents(ffdc);
        added.removeAll(before);
        assertEquals(
                Set.of(),
                added.stream().map(f -> f.getFileName() + ": " + firstLines(f)).collect(Collectors.toSet()),
                "FFDC incidents written for client errors");
    }

    private static Set<Path> incidents(Path ffdc) throws IOException {
        if (!Files.isDirectory(ffdc)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ffdc_"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static String firstLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.contains("Exception = ") || l.contains("Source = "))
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void unknownPathUnderApi() {
        try (Response r = as(admin, "api/no-such-thing").get()) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertEquals("/api/no-such-thing", p.getString("instance"));
        }
    }

    @Test
    void unknownPathOutsideApi() {
        assertRefused(anonymous("no-such-page.html").get(), 404, "NOT_FOUND");
    }

    @Test
    void malformedJson() {
        assertRefused(as(admin, "api/employees").post(json("{\"name\": \"x\", ")), 400, "MALFORMED_JSON");
        assertRefused(as(admin, "api/employees").post(json("[1,2")), 400, "MALFORMED_JSON");
    }

    @Test
    void wrongTypeOfAField() {
        try (Response r = as(admin, "api/employees")
                .post(json(object("name", "A", "email", "a@b.io", "hire_date", "yesterday")))) {
            JsonObject p = assertProblem(r, 400, "MALFORMED_JSON");
            assertEquals("hire_date", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(admin, "api/employees").post(json(object("name", "A", "email", "a@b.io", "active", "maybe"))),
                400,
                "MALFORMED_JSON");
    }

    @Test
    void wrongContentType() {
        assertRefused(
                as(admin, "api/employees").post(Entity.entity("name=x", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void wrongMethod() {
        assertRefused(as(admin, "api/auth/login").get(), 405, "METHOD_NOT_ALLOWED");
        assertRefused(as(admin, "api/employees").delete(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unparsablePathAndQueryParameters() {
        assertRefused(as(admin, "api/employees/abc").get(), 400, "INVALID_PARAMETER");
        assertRefused(as(admin, "api/employees", "active", "perhaps").get(), 400, "INVALID_PARAMETER");
    }

    @Test
    void beanValidationGivesOneEntryPerField() {
        String tooLong = "x".repeat(101);
        try (Response r = as(admin, "api/employees")
                .post(json(object("name", tooLong, "email", "not-an-email", "hire_date", "2999-01-01")))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            Set<String> fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field"))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("name", "email", "hire_date"), fields);
        }
    }

    @Test
    void missingBody() {
        try (Response r = as(admin, "api/employees").post(json(""))) {
            assertTrue(r.getStatus() == 400, "status " + r.getStatus());
            assertEquals("application/problem+json", r.getMediaType().toString().split(";")[0]);
        }
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        try (Response r = as(admin, "api/no-such-thing")
                .header("X-Request-Id", "trace-abc.123")
                .get()) {
            assertEquals("trace-abc.123", r.getHeaderString("X-Request-Id"));
            assertEquals("trace-abc.123", assertProblem(r, 404, "NOT_FOUND").getString("request_id"));
        }
        try (Response r = as(admin, "api/no-such-thing")
                .header("X-Request-Id", "bad id with spaces <script>")
                .get()) {
            assertNotEquals("bad id with spaces <script>", r.getHeaderString("X-Request-Id"));
            assertProblem(r, 404, "NOT_FOUND");
        }
    }

    @Test
    void missingTokenIsProblemWithBearerChallenge() {
        try (Response r = anonymous("api/employees").get()) {
            assertProblem(r, 401, "UNAUTHORIZED");
            assertTrue(r.getHeaderString("WWW-Authenticate").startsWith("Bearer"));
        }
    }
}
