package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** What operators watch: health, metrics, the OpenAPI document, the logs. */
class OpsIT {

    @Test
    void readinessReportsTheDatabaseAndMigrations() {
        try (Response r = anonymous("health/ready").get()) {
            assertEquals(200, r.getStatus());
            JsonObject health = body(r);
            assertEquals("UP", health.getString("status"));
            JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
            assertEquals("UP", database.getString("status"));
            assertEquals(0, database.getJsonObject("data").getInt("pending_migrations"));
        }
    }

    @Test
    void livenessAndStartedAreUp() {
        for (String path : new String[] {"health/live", "health/started", "health"}) {
            try (Response r = anonymous(path).get()) {
                assertEquals(200, r.getStatus(), path);
                assertEquals("UP", body(r).getString("status"), path);
            }
        }
    }

    @Test
    void metricsArePrometheusTextWithRequestCountsAndTimings() {
        // make sure at least one REST request was served
        anonymous("api/roles").get().close();
        try (Response r = anonymous("metrics").header("Accept", "text/plain").get()) {
            assertEquals(200, r.getStatus());
            String text = r.readEntity(String.class);
            assertTrue(text.contains("# TYPE"), "Prometheus text format");
            assertTrue(text.contains("REST_request"), "REST request metrics");
            assertTrue(text.contains("jvm_uptime") || text.contains("base_jvm_uptime") || text.contains("jvm_"), "JVM metrics");
        }
    }

    @Test
    void openApiDocumentsEndpointsRolesAndProblems() {
        try (Response r = anonymous("openapi").header("Accept", "application/json").get()) {
            assertEquals(200, r.getStatus());
            JsonObject doc = body(r);
            JsonObject paths = doc.getJsonObject("paths");
            for (String path : new String[] {"/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
                    "/api/auth/me", "/api/auth/profile", "/api/auth/change-password", "/api/auth/register",
                    "/api/auth/users", "/api/auth/users/{id}", "/api/roles", "/api/employees", "/api/employees/{id}",
                    "/api/audit-logs", "/api/products", "/api/products/{id}", "/api/products/{id}/stock-movements",
                    "/api/products/{id}/adjust-stock", "/api/customers", "/api/customers/{id}", "/api/orders",
                    "/api/orders/{id}", "/api/orders/{id}/ship", "/api/orders/{id}/complete", "/api/orders/{id}/cancel",
                    "/api/production", "/api/production/{id}"}) {
                assertNotNull(paths.get(path), "documented: " + path);
            }
            assertNotNull(doc.getJsonObject("components").getJsonObject("securitySchemes").get("bearer"));
            assertNotNull(doc.getJsonObject("components").getJsonObject("schemas").get("Problem"));
            JsonObject list = paths.getJsonObject("/api/employees").getJsonObject("get");
            assertTrue(list.getString("description").contains("Roles: manager"));
            JsonObject responses = list.getJsonObject("responses");
            for (String status : new String[] {"200", "400", "401", "403", "429", "500"}) {
                assertNotNull(responses.get(status), "GET /api/employees documents " + status);
            }
            assertTrue(responses.getJsonObject("401").getJsonObject("content").containsKey("application/problem+json"));
            JsonObject place = paths.getJsonObject("/api/orders").getJsonObject("post");
            assertTrue(place.getString("description").contains("Roles: user"));
            for (String status : new String[] {"201", "400", "401", "403", "404", "409", "422", "429"}) {
                assertNotNull(place.getJsonObject("responses").get(status), "POST /api/orders documents " + status);
            }
        }
        try (Response r = anonymous("openapi/ui/").get()) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void responsesCarryTheSecurityHeadersAndNoServerBanner() {
        try (Response r = anonymous("api/auth/login").post(Api.json("{}"))) {
            assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
            assertEquals("DENY", r.getHeaderString("X-Frame-Options"));
            assertEquals("no-referrer", r.getHeaderString("Referrer-Policy"));
            assertTrue(r.getHeaderString("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals(null, r.getHeaderString("Server"));
            assertEquals(null, r.getHeaderString("X-Powered-By"));
        }
    }
}
