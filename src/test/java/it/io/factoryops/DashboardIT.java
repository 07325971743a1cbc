package it.io.factoryops;

import static it.io.factoryops.support.Access.assertOnlyStaffRead;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefused;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The dashboard: today's figures follow sales and production, KPIs over a period, roles. */
class DashboardIT {

    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.tokenFor("admin");

    private JsonObject summary() {
        try (Response r = as(manager, "api/dashboard/summary").get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    private void refresh() {
        try (Response r = as(admin, "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void todayFollowsSalesAndProduction() {
        refresh();
        JsonObject before = summary();
        long customer = Fixtures.customer();
        long product = Fixtures.product("20.00", 100, 200, "Dash");
        long employee = Fixtures.employee();
        long order;
        try (Response r = as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 4)))) {
            assertEquals(201, r.getStatus());
            order = body(r).getJsonNumber("id").longValue();
        }
        try (Response r = as(manager, "api/production")
                .post(json(object("employee_id", employee, "product_id", product, "quantity", 6)))) {
            assertEquals(201, r.getStatus());
        }
        refresh();
        JsonObject after = summary();
        JsonObject t0 = before.getJsonObject("today");
        JsonObject t1 = after.getJsonObject("today");
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), t1.getString("date"));
        assertEquals(t0.getInt("orders") + 1, t1.getInt("orders"));
        assertEquals(t0.getInt("units_sold") + 4, t1.getInt("units_sold"));
        assertEquals(
                t0.getJsonNumber("revenue").bigDecimalValue().add(new BigDecimal("87.20")),
                t1.getJsonNumber("revenue").bigDecimalValue(),
                "4 × 20.00 + 9 % tax");
        assertEquals(t0.getInt("units_produced") + 6, t1.getInt("units_produced"));
        assertEquals(before.getInt("open_orders") + 1, after.getInt("open_orders"), "the new order is open");
        assertTrue(after.getInt("low_stock_products") >= 1, "the new product is below its reorder level");
        JsonObject counts = after.getJsonObject("counts");
        assertEquals(before.getJsonObject("counts").getInt("customers") + 1, counts.getInt("customers"));
        assertEquals(before.getJsonObject("counts").getInt("orders") + 1, counts.getInt("orders"));
        assertNotNull(after.getString("as_of"));
        assertNotNull(after.getJsonObject("inventory"), "parts and purchasing");

        try (Response r = as(admin, "api/orders/" + order + "/ship").post(null)) {
            assertEquals(200, r.getStatus());
        }
        refresh();
        JsonObject shipped = summary();
        assertEquals(before.getInt("open_orders"), shipped.getInt("open_orders"), "a shipped order is no longer open");
        assertEquals(t1.getInt("orders"), shipped.getJsonObject("today").getInt("orders"), "but still sold today");
    }

    /**
     * The inventory figures: the live counts move at once, the precomputed ones (parts, stock value, the
     * month's spend) at the next refresh.
     */
    @Test
    void inventoryFollowsPartsAndPurchaseOrders() throws InterruptedException {
        refresh();
        JsonObject i0 = inventory();
        // MariaDB 10.x keeps as_of in whole seconds (docs/DATABASES.md): create the parts in a later second, so that a
        // timer refresh after them cannot show the same as_of as i0 with other figures
        Thread.sleep(1050 - System.currentTimeMillis() % 1000);
        long low = part("2.50", 20, 10);
        long empty = part("4.00", 5, 0);
        JsonObject i1 = inventory();
        if (i1.getString("as_of").equals(i0.getString("as_of"))) { // unless the timer refreshed meanwhile
            assertEquals(i0.getInt("parts"), i1.getInt("parts"), "as of the last refresh");
            assertEquals(i0.getInt("low_stock_parts"), i1.getInt("low_stock_parts"), "as of the last refresh");
        }
        refresh();
        JsonObject i2 = inventory();
        assertEquals(i0.getInt("parts") + 2, i2.getInt("parts"));
        assertEquals(i0.getInt("low_stock_parts") + 1, i2.getInt("low_stock_parts"), "10 units, reorder at 20");
        assertEquals(i0.getInt("out_of_stock_parts") + 1, i2.getInt("out_of_stock_parts"), "no stock");
        assertMoneyGrew(i0, i2, "stock_value", "25.00", "10 × 2.50");
        assertNotNull(i2.getString("as_of"));

        JsonObject po = call(
                manager,
                "api/purchase-orders",
                object(
                        "supplier_id",
                        Fixtures.supplier(),
                        "lines",
                        array(
                                object("item_id", low, "quantity", 6, "unit_cost", new BigDecimal("3.00")),
                                object("item_id", empty, "quantity", 4, "unit_cost", 1.25))),
                201);
        long id = po.getJsonNumber("id").longValue();
        long submitted = call(manager, "api/purchase-orders/" + id + "/submit", null, 200)
                .getJsonNumber("version")
                .longValue();
        JsonObject pending = inventory();
        assertEquals(
                i2.getInt("purchase_orders_awaiting_approval") + 1,
                pending.getInt("purchase_orders_awaiting_approval"));
        assertEquals(i2.getInt("open_purchase_orders"), pending.getInt("open_purchase_orders"));
        String approver = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        try (Response r = as(approver, "api/purchase-orders/" + id + "/approve")
                .header("If-Match", "\"" + submitted + "\"")
                .post(null)) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
        JsonObject approved = inventory();
        assertEquals(
                i2.getInt("purchase_orders_awaiting_approval"), approved.getInt("purchase_orders_awaiting_approval"));
        assertEquals(i2.getInt("open_purchase_orders") + 1, approved.getInt("open_purchase_orders"));

        long lowLine = po.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("item_id").longValue() == low)
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        call(
                manager,
                "api/purchase-orders/" + id + "/receive",
                object("lines", array(object("line_id", lowLine, "quantity", 6))),
                200);
        refresh();
        JsonObject partly = inventory();
        assertEquals(
                i2.getInt("open_purchase_orders") + 1, partly.getInt("open_purchase_orders"), "partially received");
        assertMoneyGrew(i2, partly, "stock_value", "15.00", "6 more units at the part's 2.50");
        assertMoneyGrew(i2, partly, "spend_this_month", "18.00", "6 received at the line's 3.00");
        assertEquals(i2.getInt("low_stock_parts"), partly.getInt("low_stock_parts"), "16 units: still low");

        call(manager, "api/purchase-orders/" + id + "/deliver", null, 200);
        refresh();
        JsonObject received = inventory();
        assertEquals(i2.getInt("open_purchase_orders"), received.getInt("open_purchase_orders"), "received whole");
        assertEquals(i2.getInt("out_of_stock_parts") - 1, received.getInt("out_of_stock_parts"));
        assertEquals(i2.getInt("low_stock_parts") + 1, received.getInt("low_stock_parts"), "4 units, reorder at 5");
        assertMoneyGrew(i2, received, "stock_value", "31.00", "+ 6 × 2.50 + 4 × 4.00");
        assertMoneyGrew(i2, received, "spend_this_month", "23.00", "+ 6 × 3.00 + 4 × 1.25");
    }

    private JsonObject inventory() {
        return summary().getJsonObject("inventory");
    }

    /** {@code field} of {@code after} is {@code field} of {@code before} plus {@code grew}. */
    private static void assertMoneyGrew(JsonObject before, JsonObject after, String field, String grew, String why) {
        assertEquals(money(before, field).add(new BigDecimal(grew)), money(after, field), why);
    }

    private static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue().setScale(2);
    }

    /** A part costing {@code unitCost} with this reorder level and stock (added through the ledger). */
    private long part(String unitCost, int reorderLevel, int stock) {
        String sku = "DASH-" + Api.RUN + "-" + System.nanoTime();
        long id = call(
                        manager,
                        "api/inventory/items",
                        object(
                                "sku",
                                sku,
                                "name",
                                "Part " + sku,
                                "unit_cost",
                                new BigDecimal(unitCost),
                                "reorder_level",
                                reorderLevel),
                        201)
                .getJsonNumber("id")
                .longValue();
        if (stock > 0) {
            call(manager, "api/inventory/items/" + id + "/add-stock", object("quantity", stock), 201);
        }
        return id;
    }

    private static JsonObject call(String token, String path, JsonObject body, int status) {
        try (Response r = as(token, path).post(body == null ? null : json(body))) {
            assertEquals(status, r.getStatus(), () -> path + ": " + r.readEntity(String.class));
            return body(r);
        }
    }

    /**
     * Many managers opening the dashboard at once, with a token the server has not checked yet: each
     * request must hold at most one database connection at a time, or the pool (40) runs dry and
     * requests wait for each other until they time out.
     */
    @Test
    void concurrentReadersShareThePoolWithoutDeadlock() throws Exception {
        int readers = 48;
        String fresh = Api.login(Api.createUser("manager"), Api.PASSWORD).getString("access_token");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String path = i % 4 == 0 ? "api/dashboard/metrics" : "api/dashboard/summary";
                calls.add(() -> {
                    start.await();
                    int ok = 0;
                    for (int n = 0; n < 3; n++) {
                        try (Response r = as(fresh, path).get()) {
                            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
                            ok++;
                        }
                    }
                    return ok;
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(call));
            }
            long began = System.nanoTime();
            start.countDown();
            int ok = 0;
            for (Future<Integer> f : results) {
                ok += f.get();
            }
            assertEquals(readers * 3, ok);
            long seconds = (System.nanoTime() - began) / 1_000_000_000L;
            assertTrue(seconds < 20, "took " + seconds + " s: requests waited for connections");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void metricsOverAPeriod() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        try (Response r = as(manager, "api/dashboard/metrics", "date_from", today, "date_to", today)
                .get()) {
            assertEquals(200, r.getStatus());
            JsonObject m = body(r);
            assertEquals(today, m.getString("date_from"));
            long orders = m.getJsonNumber("orders").longValue();
            BigDecimal revenue = m.getJsonNumber("revenue").bigDecimalValue();
            if (orders > 0) {
                assertEquals(
                        revenue.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_UP),
                        m.getJsonNumber("average_order_value").bigDecimalValue());
            }
            assertTrue(m.getInt("active_employees") >= 0);
            assertNotNull(m.get("production_per_employee"));
        }
        try (Response r = as(manager, "api/dashboard/metrics").get()) {
            JsonObject m = body(r);
            assertEquals(LocalDate.parse(m.getString("date_to")).minusDays(29).toString(), m.getString("date_from"));
        }
        assertQueriesRefused(manager, "api/dashboard/metrics", "date_from", "2024-02-30", "date_to", "soon");
        assertRefused(
                as(manager, "api/dashboard/metrics", "date_from", "2025-02-01", "date_to", "2025-01-01")
                        .get(),
                400,
                "INVALID_PARAMETER");
    }

    @Test
    void onlyManagersAndAbove() {
        assertOnlyStaffRead(admin, "api/dashboard/summary", "api/dashboard/metrics");
    }
}
