package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every error class a client can cause is RFC 9457 problem+json with a stable code. */
class ErrorHandlingIT {

    private final String admin = Api.adminToken();

    @Test
    void unknownPathUnderApi() {
        try (Response r = as(admin, "api/no-such-thing").get()) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertEquals("/api/no-such-thing", p.getString("instance"));
        }
    }

    @Test
    void unknownPathOutsideApi() {
        try (Response r = anonymous("no-such-page.html").get()) {
            assertProblem(r, 404, "NOT_FOUND");
        }
    }

    @Test
    void malformedJson() {
        try (Response r = as(admin, "api/employees").post(json("{\"name\": \"x\", "))) {
            assertProblem(r, 400, "MALFORMED_JSON");
        }
        try (Response r = as(admin, "api/employees").post(json("[1,2"))) {
            assertProblem(r, 400, "MALFORMED_JSON");
        }
    }

    @Test
    void wrongTypeOfAField() {
        try (Response r = as(admin, "api/employees").post(json(
                "{\"name\":\"A\",\"email\":\"a@b.io\",\"hire_date\":\"yesterday\"}"))) {
            JsonObject p = assertProblem(r, 400, "MALFORMED_JSON");
            assertEquals("hire_date", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        try (Response r = as(admin, "api/employees").post(json(
                "{\"name\":\"A\",\"email\":\"a@b.io\",\"active\":\"maybe\"}"))) {
            assertProblem(r, 400, "MALFORMED_JSON");
        }
    }

    @Test
    void wrongContentType() {
        try (Response r = as(admin, "api/employees").post(Entity.entity("name=x", "text/plain"))) {
            assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void wrongMethod() {
        try (Response r = as(admin, "api/auth/login").get()) {
            assertProblem(r, 405, "METHOD_NOT_ALLOWED");
        }
        try (Response r = as(admin, "api/employees").delete()) {
            assertProblem(r, 405, "METHOD_NOT_ALLOWED");
        }
    }

    @Test
    void unparsablePathAndQueryParameters() {
        try (Response r = as(admin, "api/employees/abc").get()) {
            assertProblem(r, 400, "INVALID_PARAMETER");
        }
        try (Response r = Api.target("api/employees").queryParam("active", "perhaps").request()
                .header("Authorization", "Bearer " + admin).get()) {
            assertProblem(r, 400, "INVALID_PARAMETER");
        }
    }

    @Test
    void beanValidationGivesOneEntryPerField() {
        String tooLong = "x".repeat(101);
        try (Response r = as(admin, "api/employees").post(json(
                "{\"name\":\"" + tooLong + "\",\"email\":\"not-an-email\",\"hire_date\":\"2999-01-01\"}"))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            Set<String> fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field")).collect(Collectors.toSet());
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
        try (Response r = as(admin, "api/no-such-thing").header("X-Request-Id", "trace-abc.123").get()) {
            assertEquals("trace-abc.123", r.getHeaderString("X-Request-Id"));
            assertEquals("trace-abc.123", assertProblem(r, 404, "NOT_FOUND").getString("request_id"));
        }
        try (Response r = as(admin, "api/no-such-thing").header("X-Request-Id", "bad id with spaces <script>").get()) {
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
