package it.io.factoryops;

import static it.io.factoryops.support.Access.assertOnlyStaffRead;
import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefused;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Analytics over HTTP: shapes, sorting, validation, roles, the timer, freshness. */
class AnalyticsIT {

    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.tokenFor("admin");

    private JsonObject get(String path, String... query) {
        var target = Api.target(path);
        for (int i = 0; i < query.length; i += 2) {
            target = target.queryParam(query[i], query[i + 1]);
        }
        try (Response r =
                target.request().header("Authorization", "Bearer " + manager).get()) {
            assertEquals(200, r.getStatus(), path);
            return body(r);
        }
    }

    private void refresh() {
        try (Response r = as(admin, "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
            JsonObject result = body(r);
            assertEquals("incremental", result.getString("mode"));
            assertNotNull(result.getString("refreshed_at"));
        }
    }

    private static JsonObject find(List<JsonObject> rows, String idField, long id) {
        return rows.stream()
                .filter(o -> o.getJsonNumber(idField).longValue() == id)
                .findFirst()
                .orElse(null);
    }

    @Test
    void pageTotalsFollowEachRefresh() {
        // a threshold that only this test's customers reach: 2 units of 600,000.00 plus tax
        String threshold = "1300000";
        // other suites' customers may have crossed it since the last refresh (InputBoundsIT's 90 × 9,999,999,999.99):
        // counted now, they cannot turn up in this test's refresh below
        refresh();
        long before = get("api/analytics/customer-ltv", "threshold", threshold)
                .getJsonObject("pagination")
                .getJsonNumber("total")
                .longValue();
        assertEquals(
                before,
                get("api/analytics/customer-ltv", "threshold", threshold)
                        .getJsonObject("pagination")
                        .getJsonNumber("total")
                        .longValue(),
                "the same total twice within one refresh");
        long product = Fixtures.product("600000.00", 10);
        long customer = Fixtures.customer();
        try (Response r = as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 2)))) {
            assertEquals(201, r.getStatus());
        }
        refresh();
        JsonObject after = get("api/analytics/customer-ltv", "threshold", threshold);
        assertEquals(
                before + 1,
                after.getJsonObject("pagination").getJsonNumber("total").longValue(),
                "the refresh counted the new customer");
        assertNotNull(find(after.getJsonArray("customers").getValuesAs(JsonObject.class), "customer_id", customer));
    }

    @Test
    void shapesSortingAndCancellations() {
        long customer = Fixtures.customer();
        long product = Fixtures.product("10.00", 1000);
        long employee = Fixtures.employee();
        String user = Api.tokenFor("user");
        long cancelled;
        try (Response r = as(user, "api/orders").post(json(Fixtures.orderBody(customer, product, 3)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(user, "api/orders").post(json(Fixtures.orderBody(customer, product, 2)))) {
            cancelled = body(r).getJsonNumber("id").longValue();
        }
        as(admin, "api/orders/" + cancelled + "/cancel").post(null).close();
        try (Response r = as(manager, "api/production")
                .post(json(object(
                        "employee_id",
                        employee,
                        "product_id",
                        product,
                        "quantity",
                        40,
                        "production_date",
                        "2025-03-04")))) {
            assertEquals(201, r.getStatus());
        }
        refresh();

        JsonObject ltv = get("api/analytics/customer-ltv", "per_page", "100");
        assertNotNull(ltv.getString("as_of"));
        List<JsonObject> customers = ltv.getJsonArray("customers").getValuesAs(JsonObject.class);
        JsonObject mine = find(customers, "customer_id", customer);
        assertNotNull(mine, "customer listed");
        assertEquals(
                new BigDecimal("32.70"), mine.getJsonNumber("total_value").bigDecimalValue(), "3 × 10.00 + 9 % tax");
        assertTrue(mine.getString("customer_name").startsWith("Customer "));
        for (int i = 1; i < customers.size(); i++) {
            assertTrue(
                    customers
                                    .get(i - 1)
                                    .getJsonNumber("total_value")
                                    .bigDecimalValue()
                                    .compareTo(customers
                                            .get(i)
                                            .getJsonNumber("total_value")
                                            .bigDecimalValue())
                            >= 0,
                    "highest first");
        }
        JsonObject above = get("api/analytics/customer-ltv", "threshold", "32.71", "per_page", "100");
        assertEquals(
                null, find(above.getJsonArray("customers").getValuesAs(JsonObject.class), "customer_id", customer));

        JsonObject top = get("api/analytics/top-products", "limit", "100");
        JsonObject topProduct = find(top.getJsonArray("products").getValuesAs(JsonObject.class), "product_id", product);
        assertNotNull(topProduct);
        assertEquals(3, topProduct.getInt("total_quantity"), "the cancelled order does not count");
        assertTrue(top.getJsonArray("products").size() <= 100);
        assertEquals(
                1,
                get("api/analytics/top-products", "limit", "1")
                        .getJsonArray("products")
                        .size());

        JsonObject efficiency = get("api/analytics/production-efficiency", "date", "2025-03-04");
        assertEquals("2025-03-04", efficiency.getString("date"));
        JsonObject made =
                find(efficiency.getJsonArray("efficiency").getValuesAs(JsonObject.class), "product_id", product);
        assertEquals(40, made.getInt("total_produced"));
        assertEquals(
                0,
                get("api/analytics/production-efficiency", "date", "1999-01-01")
                        .getJsonArray("efficiency")
                        .size());

        JsonObject performance = get("api/analytics/employee-performance", "per_page", "100");
        JsonObject maker =
                find(performance.getJsonArray("performance").getValuesAs(JsonObject.class), "employee_id", employee);
        assertEquals(40, maker.getInt("total_quantity"));
        assertTrue(maker.getString("employee_name").startsWith("Maker"));
        assertNotNull(performance.getJsonObject("pagination"));
    }

    @Test
    void parametersAreValidated() {
        assertQueriesRefused(manager, "api/analytics/top-products", "limit", "0", "limit", "101", "limit", "ten");
        assertQueriesRefused(manager, "api/analytics/customer-ltv", "threshold", "-1", "threshold", "lots");
        assertQueriesRefused(manager, "api/analytics/production-efficiency", "date", "2024-13-01", "date", "yesterday");
        assertQueriesRefused(manager, "api/analytics/employee-performance", "per_page", "0");
        assertRefused(as(manager, "api/analytics/production-efficiency").get(), 400, "INVALID_PARAMETER");
    }

    @Test
    void roles() {
        assertOnlyStaffRead(
                admin,
                "api/analytics/employee-performance",
                "api/analytics/top-products",
                "api/analytics/customer-ltv");
        assertRefused(as(manager, "api/analytics/refresh").post(null), 403, "FORBIDDEN");
    }

    @Test
    void theFullRebuildIsAvailableToAdmins() {
        try (Response r = as(admin, "api/analytics/refresh", "full", "true").post(null)) {
            assertEquals(200, r.getStatus());
            assertEquals("full", body(r).getString("mode"));
        }
    }

    @Test
    void thePersistentTimerRefreshesWithoutBeingAsked() {
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 10);
        try (Response r = as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 1)))) {
            assertEquals(201, r.getStatus());
        }
        Instant before = Instant.now();
        // the test server refreshes every 5 s (src/test/liberty/jvm.options)
        Awaitility.await()
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonObject ltv = get("api/analytics/customer-ltv", "threshold", "1.09", "per_page", "100");
                    return find(ltv.getJsonArray("customers").getValuesAs(JsonObject.class), "customer_id", customer)
                                    != null
                            && Instant.parse(ltv.getString("as_of")).isAfter(before.minusSeconds(1));
                });
    }

    @Test
    void readinessReportsTheAgeOfTheSummariesAndMetricsTheRefreshes() {
        refresh();
        try (Response r = anonymous("health/ready").get()) {
            JsonObject analytics = body(r).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("analytics"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("UP", analytics.getString("status"));
            assertTrue(analytics.getJsonObject("data").getInt("age_seconds") < 60);
        }
        try (Response r = anonymous("metrics").header("Accept", "text/plain").get()) {
            String text = r.readEntity(String.class);
            assertTrue(text.contains("analytics_refresh_duration"), "refresh duration metric");
            assertTrue(text.contains("analytics_refresh_rows"), "rows processed metric");
        }
    }
}
