package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.JsonBody.object;
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
                    .filter(c -> c.getString("name").equals("database"))
                    .findFirst()
                    .orElseThrow();
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
            assertTrue(
                    text.contains("jvm_uptime") || text.contains("base_jvm_uptime") || text.contains("jvm_"),
                    "JVM metrics");
        }
    }

    @Test
    void openApiDocumentsEndpointsRolesAndProblems() {
        try (Response r =
                anonymous("openapi").header("Accept", "application/json").get()) {
            assertEquals(200, r.getStatus());
            JsonObject doc = body(r);
            JsonObject paths = doc.getJsonObject("paths");
            for (String path : new String[] {
                "/api/auth/login",
                "/api/auth/refresh",
                "/api/auth/logout",
                "/api/auth/me",
                "/api/auth/profile",
                "/api/auth/change-password",
                "/api/auth/register",
                "/api/auth/users",
                "/api/auth/users/{id}",
                "/api/roles",
                "/api/employees",
                "/api/employees/{id}",
                "/api/audit-logs",
                "/api/books-balance",
                "/api/products",
                "/api/products/{id}",
                "/api/products/{id}/stock-movements",
                "/api/products/{id}/adjust-stock",
                "/api/customers",
                "/api/customers/{id}",
                "/api/orders",
                "/api/orders/{id}",
                "/api/orders/{id}/ship",
                "/api/orders/{id}/complete",
                "/api/orders/{id}/cancel",
                "/api/production",
                "/api/production/{id}"
            }) {
                assertNotNull(paths.get(path), "documented: " + path);
            }
            assertNotNull(doc.getJsonObject("components")
                    .getJsonObject("securitySchemes")
                    .get("bearer"));
            assertNotNull(
                    doc.getJsonObject("components").getJsonObject("schemas").get("Problem"));
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
        try (Response r = anonymous("api/auth/login").post(Api.json(object()))) {
            assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
            assertEquals("DENY", r.getHeaderString("X-Frame-Options"));
            assertEquals("no-referrer", r.getHeaderString("Referrer-Policy"));
            assertTrue(r.getHeaderString("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals(null, r.getHeaderString("Server"));
            assertEquals(null, r.getHeaderString("X-Powered-By"));
        }
    }

    /**
     * 64 callers of /health/ready at once share the readiness checks: one check runs at a time (one
     * pooled connection), its answer is remembered for factory.health.cache-millis and handed to every
     * caller that waited for it. Measured with Liberty's own pool metric: the number of connections
     * the pool handed out (connectionpool_usedConnections_total) grows by far less than one per caller
     * (background timers take some meanwhile), where one check per caller took at least two each
     * (database and analytics checks; Flyway's scan a third).
     */
    @Test
    void readinessUnderParallelCallersHoldsOneConnectionAndSharesTheAnswer() throws Exception {
        int callers = 64;
        jakarta.ws.rs.client.Client client = Api.parallelClient(callers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            long before = connectionsHandedOut();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try (Response r = client.target(Api.BASE)
                            .path("health/ready")
                            .request()
                            .get()) {
                        assertEquals(200, r.getStatus());
                        JsonObject database = body(r).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                                .filter(c -> c.getString("name").equals("database"))
                                .findFirst()
                                .orElseThrow();
                        return database.getJsonObject("data").getString("checked_at");
                    }
                }));
            }
            start.countDown();
            java.util.Set<String> checks = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> answer : answers) {
                checks.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            long used = connectionsHandedOut() - before;
            assertTrue(checks.size() <= 4, "database checks run for " + callers + " callers: " + checks.size());
            // one check per caller would take 2 × 64 = 128; the bound leaves room for the timers that run
            // meanwhile (the test server's mail outbox polls every second; the analytics refresh, every 5 s in
            // the tests, takes two per run since it also computes the dashboard's inventory figures)
            assertTrue(used <= callers / 2, "connections handed out for " + callers + " readiness calls: " + used);
        } finally {
            pool.shutdownNow();
            client.close();
        }
    }

    /** Liberty serves /health, /metrics and /openapi outside the application: the server adds the headers. */
    @Test
    void operatorEndpointsCarryTheSecurityHeadersToo() {
        for (String path : new String[] {"health", "health/ready", "metrics", "openapi"}) {
            try (Response r = anonymous(path).header("Accept", "*/*").get()) {
                assertEquals(200, r.getStatus(), path);
                assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"), path);
                assertEquals("DENY", r.getHeaderString("X-Frame-Options"), path);
                assertEquals("no-referrer", r.getHeaderString("Referrer-Policy"), path);
                assertTrue(r.getHeaderString("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
                assertEquals(null, r.getHeaderString("Server"), path);
            }
        }
    }

    /** The pool's count of connections handed out so far (Liberty's vendor metric for jdbc/factory). */
    private static long connectionsHandedOut() {
        try (Response r = anonymous("metrics").header("Accept", "text/plain").get()) {
            String text = r.readEntity(String.class);
            return text.lines()
                    .filter(l -> l.startsWith("connectionpool_usedConnections_total{") && l.contains("factory"))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no connectionpool_usedConnections_total: "
                            + text.lines()
                                    .filter(l -> l.startsWith("connectionpool"))
                                    .toList()));
        }
    }
}
