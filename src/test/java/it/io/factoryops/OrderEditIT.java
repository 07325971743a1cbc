package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.assertStock;
import static it.io.factoryops.support.Fixtures.ledgerSum;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.Fixtures.stockOf;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Changing a placed order ({@code PUT /api/orders/{id}}) and cancelling it through {@code DELETE}: the stock moves
 * by exactly the difference, or nothing moves; If-Match is required; only admins; only while placed; concurrent
 * edits and new orders of the same product never oversell.
 */
class OrderEditIT {

    private final String user = Api.tokenFor("user");
    private final String admin = Api.tokenFor("admin");

    /** An order placed by the user; returns its view. */
    private JsonObject place(JsonObject body) {
        try (Response r = as(user, "api/orders").post(json(body))) {
            assertEquals(201, r.getStatus(), () -> "placing " + body);
            return body(r);
        }
    }

    private static List<JsonObject> lines(long... productQuantity) {
        List<JsonObject> lines = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < productQuantity.length; i += 2) {
            lines.add(object("product_id", productQuantity[i], "quantity", productQuantity[i + 1]));
        }
        return lines;
    }

    private static JsonObject bodyOf(long customer, long... productQuantity) {
        return object("customer_id", customer, "lines", lines(productQuantity));
    }

    private static Invocation.Builder put(String token, long order, String etag) {
        Invocation.Builder request = as(token, "api/orders/" + order);
        return etag == null ? request : request.header("If-Match", etag);
    }

    private JsonObject get(long order) {
        try (Response r = as(admin, "api/orders/" + order).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    private static String etag(JsonObject order) {
        return "\"" + order.getJsonNumber("version").longValue() + "\"";
    }

    /** The quantity per product of an order's lines. */
    private static Map<Long, Integer> quantities(JsonObject order) {
        Map<Long, Integer> q = new HashMap<>();
        order.getJsonArray("lines")
                .getValuesAs(JsonObject.class)
                .forEach(l -> q.put(l.getJsonNumber("product_id").longValue(), l.getInt("quantity")));
        return q;
    }

    private static JsonObject line(JsonObject order, long product) {
        return order.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("product_id").longValue() == product)
                .findFirst()
                .orElse(null);
    }

    /** The product's newest ledger row. */
    private static JsonObject newestMovement(long product) {
        try (Response r = as(Api.tokenFor("admin"), "api/products/" + product + "/stock-movements")
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getJsonObject(0);
        }
    }

    private static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    /** Sets a product's price (the rest as it is). */
    private static void reprice(long product, String price) {
        int reorderLevel = Fixtures.productView(product).getInt("reorder_level");
        replaceProduct(product, "price", new BigDecimal(price), "reorder_level", reorderLevel);
    }

    /** Replaces a product (PUT): its SKU and name as they are, category General, and these names and values. */
    private static void replaceProduct(long product, Object... namesAndValues) {
        JsonObject p = Fixtures.productView(product);
        JsonObject kept = object("sku", p.getString("sku"), "name", p.getString("name"), "category", "General");
        try (Response r = as(Api.tokenFor("admin"), "api/products/" + product).put(json(with(kept, namesAndValues)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
    }

    @Test
    void anEditMovesTheStockOfEachProductByExactlyTheDifference() {
        long customer = Fixtures.customer();
        long grows = Fixtures.product("10.00", 10);
        long shrinks = Fixtures.product("20.00", 10);
        long dropped = Fixtures.product("30.00", 10);
        long added = Fixtures.product("40.00", 10);
        long kept = Fixtures.product("5.00", 10);
        JsonObject placed = place(bodyOf(customer, grows, 2, shrinks, 3, dropped, 4, kept, 1));
        long order = id(placed);
        assertEquals(8, stockOf(grows));
        // prices change after the order was placed: changed and new lines take the new price, the unchanged keeps its
        reprice(grows, "11.00");
        reprice(kept, "6.00");
        reprice(added, "41.00");

        JsonObject edited;
        try (Response r =
                put(admin, order, etag(placed)).put(json(bodyOf(customer, grows, 5, shrinks, 1, added, 2, kept, 1)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
            edited = body(r);
            assertEquals(etag(edited), r.getHeaderString("ETag"));
        }
        assertTrue(edited.getJsonNumber("version").longValue()
                > placed.getJsonNumber("version").longValue());
        assertEquals(Map.of(grows, 5, shrinks, 1, added, 2, kept, 1), quantities(edited));
        assertEquals("placed", edited.getString("status"));
        assertEquals(
                List.of(1, 2, 3, 4),
                edited.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                        .map(l -> l.getInt("line_no"))
                        .toList(),
                "lines numbered in the request's order");
        assertEquals(new BigDecimal("11.00"), money(line(edited, grows), "unit_price"), "a changed line: price now");
        assertEquals(new BigDecimal("20.00"), money(line(edited, shrinks), "unit_price"), "a changed line: price now");
        assertEquals(new BigDecimal("41.00"), money(line(edited, added), "unit_price"), "a new line: price now");
        assertEquals(
                new BigDecimal("5.00"), money(line(edited, kept), "unit_price"), "an unchanged line keeps its price");
        // 5 × 11 + 1 × 20 + 2 × 41 + 1 × 5 = 162.00; tax 9 % = 14.58
        assertEquals(new BigDecimal("162.00"), money(edited, "subtotal"));
        assertEquals(new BigDecimal("14.58"), money(edited, "tax"));
        assertEquals(new BigDecimal("176.58"), money(edited, "total"));
        assertEquals(5, line(edited, grows).getInt("remaining_stock"));

        assertEquals(5, stockOf(grows));
        assertEquals(9, stockOf(shrinks));
        assertEquals(10, stockOf(dropped));
        assertEquals(8, stockOf(added));
        assertEquals(9, stockOf(kept));
        for (long p : new long[] {grows, shrinks, dropped, added, kept}) {
            assertEquals(stockOf(p), ledgerSum(p), "ledger of " + p);
        }
        for (long[] moved : new long[][] {{grows, -3}, {shrinks, 2}, {dropped, 4}, {added, -2}}) {
            JsonObject m = newestMovement(moved[0]);
            assertEquals(moved[1], m.getInt("delta"));
            assertEquals("ORDER_CHANGED", m.getString("reason"));
            assertEquals("ORDER", m.getString("reference_type"));
            assertEquals(order, m.getJsonNumber("reference_id").longValue());
        }
        assertEquals("ORDER", newestMovement(kept).getString("reason"), "an unchanged line moves nothing");

        // the GET shows the same, with the new ETag; the audit row holds before and after
        JsonObject read = get(order);
        assertEquals(edited.getJsonNumber("version"), read.getJsonNumber("version"));
        try (Response r = as(
                        Api.adminToken(),
                        "api/audit-logs",
                        "entity_type",
                        "order",
                        "entity_id",
                        Long.toString(order),
                        "action",
                        "UPDATE")
                .get()) {
            JsonArray rows = body(r).getJsonArray("data");
            assertEquals(1, rows.size());
            JsonObject audit = rows.getJsonObject(0);
            assertEquals(Map.of(grows, 2, shrinks, 3, dropped, 4, kept, 1), quantities(audit.getJsonObject("before")));
            assertEquals(Map.of(grows, 5, shrinks, 1, added, 2, kept, 1), quantities(audit.getJsonObject("after")));
        }
    }

    @Test
    void theCustomerMayChangeAndAnUnknownOneIsNamed() {
        long product = Fixtures.product("3.00", 10);
        JsonObject placed = place(orderBody(Fixtures.customer(), product, 2));
        long other = Fixtures.customer();
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(999999999L, product, 2)))) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertTrue(p.getString("detail").contains("Customer 999999999"), p.toString());
            assertEquals(
                    "customer_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(other, 999999999L, 2)))) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("Product 999999999"));
        }
        for (JsonObject bad : new JsonObject[] {
            orderBody(other, product, 0),
            object("customer_id", other, "lines", array()),
            object("lines", lines(product, 1))
        }) {
            assertRefused(put(admin, id(placed), etag(placed)).put(json(bad)), 400, "VALIDATION_FAILED");
        }
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(other, product, 2)))) {
            assertEquals(200, r.getStatus());
            assertEquals(
                    other, body(r).getJsonObject("customer").getJsonNumber("id").longValue());
        }
        assertEquals(8, stockOf(product), "the same lines: no stock moved");
        assertEquals(8, ledgerSum(product));
    }

    @Test
    void aShortLineChangesNothing() {
        long customer = Fixtures.customer();
        long plenty = Fixtures.product("1.00", 10);
        long scarce = Fixtures.product("2.00", 5);
        JsonObject placed = place(bodyOf(customer, plenty, 1, scarce, 3));
        try (Response r = put(admin, id(placed), etag(placed)).put(json(bodyOf(customer, plenty, 4, scarce, 6)))) {
            JsonObject p = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            assertEquals(scarce, p.getJsonNumber("product_id").longValue());
            assertEquals(6, p.getInt("requested"), "the line's new quantity");
            assertEquals(5, p.getInt("available"), "2 on the shelf + 3 the order holds");
            assertTrue(p.getString("detail").contains("requested 6, available 5"), p.getString("detail"));
            assertTrue(p.getString("product_name").startsWith("Product "));
        }
        assertEquals(9, stockOf(plenty));
        assertEquals(2, stockOf(scarce));
        assertEquals(9, ledgerSum(plenty));
        assertEquals(2, ledgerSum(scarce));
        JsonObject after = get(id(placed));
        assertEquals(placed.getJsonNumber("version"), after.getJsonNumber("version"));
        assertEquals(Map.of(plenty, 1, scarce, 3), quantities(after));
        assertEquals(placed.getJsonNumber("total"), after.getJsonNumber("total"));
        // exactly what the shelf and the order hold together is fine
        try (Response r = put(admin, id(placed), etag(placed)).put(json(bodyOf(customer, plenty, 1, scarce, 5)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
        assertStock(scarce, 0);
    }

    /** A product taken out of sale: an order keeps or lowers the units it holds, but takes no more. */
    @Test
    void aProductNoLongerSoldIsKeptOrLoweredNeverRaised() {
        long customer = Fixtures.customer();
        long retired = Fixtures.product("2.00", 10);
        JsonObject placed = place(orderBody(customer, retired, 3));
        replaceProduct(retired, "price", new BigDecimal("2.00"), "active", false);
        assertRefused(put(admin, id(placed), etag(placed)).put(json(orderBody(customer, retired, 4))), 409, "CONFLICT");
        assertEquals(7, stockOf(retired));
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(customer, retired, 1)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
        assertStock(retired, 9);
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        long product = Fixtures.product("1.00", 10);
        JsonObject placed = place(orderBody(Fixtures.customer(), product, 2));
        long customer = placed.getJsonObject("customer").getJsonNumber("id").longValue();
        for (String missing : new String[] {null, "*"}) {
            assertRefused(
                    put(admin, id(placed), missing).put(json(orderBody(customer, product, 3))),
                    428,
                    "PRECONDITION_REQUIRED");
            assertRefused(put(admin, id(placed), missing).delete(), 428, "PRECONDITION_REQUIRED");
        }
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(customer, product, 3)))) {
            assertEquals(200, r.getStatus());
        }
        // the version read before that edit is stale now
        assertRefused(
                put(admin, id(placed), etag(placed)).put(json(orderBody(customer, product, 1))),
                412,
                "VERSION_CONFLICT");
        assertRefused(put(admin, id(placed), etag(placed)).delete(), 412, "VERSION_CONFLICT");
        assertEquals(7, stockOf(product));
        assertEquals("placed", get(id(placed)).getString("status"));
    }

    @Test
    void onlyAdminsChangeOrDeleteOrdersNotEvenTheirOwn() {
        long product = Fixtures.product("1.00", 10);
        long customer = Fixtures.customer();
        JsonObject own = place(orderBody(customer, product, 1));
        for (String role : new String[] {"user", "manager", "mechanic", "customer"}) {
            String token = role.equals("user") ? user : Api.tokenFor(role);
            assertRefused(put(token, id(own), etag(own)).put(json(orderBody(customer, product, 2))), 403, "FORBIDDEN");
            assertRefused(put(token, id(own), etag(own)).delete(), 403, "FORBIDDEN");
        }
        try (Response r = anonymous("api/orders/" + id(own))
                .header("If-Match", etag(own))
                .put(json(orderBody(customer, product, 2)))) {
            assertEquals(401, r.getStatus());
        }
        assertEquals(9, stockOf(product));
        assertEquals(own.getJsonNumber("version"), get(id(own)).getJsonNumber("version"));
    }

    @Test
    void aShippedOrCompletedOrderIsNeitherChangedNorDeleted() {
        long product = Fixtures.product("1.00", 10);
        long customer = Fixtures.customer();
        JsonObject o = place(orderBody(customer, product, 2));
        try (Response r = as(admin, "api/orders/" + id(o) + "/ship").post(null)) {
            assertEquals(200, r.getStatus());
            o = body(r);
        }
        for (String step : new String[] {"shipped", "completed"}) {
            assertEquals(step, o.getString("status"));
            try (Response r = put(admin, id(o), etag(o)).put(json(orderBody(customer, product, 3)))) {
                JsonObject p = assertProblem(r, 409, "INVALID_TRANSITION");
                assertEquals(step, p.getString("current_status"));
            }
            assertRefused(put(admin, id(o), etag(o)).delete(), 409, "INVALID_TRANSITION");
            if (step.equals("shipped")) {
                try (Response r = as(admin, "api/orders/" + id(o) + "/complete").post(null)) {
                    o = body(r);
                }
            }
        }
        assertStock(product, 8);
    }

    @Test
    void deletingAPlacedOrderCancelsItAndReturnsTheStockOnce() {
        long product = Fixtures.product("4.00", 10);
        JsonObject placed = place(orderBody(Fixtures.customer(), product, 4));
        assertEquals(6, stockOf(product));
        try (Response r = put(admin, id(placed), etag(placed)).delete()) {
            assertEquals(204, r.getStatus(), () -> r.readEntity(String.class));
        }
        JsonObject cancelled = get(id(placed));
        assertEquals("cancelled", cancelled.getString("status"), "an order is never deleted: it is cancelled");
        assertStock(product, 10);
        JsonObject m = newestMovement(product);
        assertEquals("ORDER_CANCELLED", m.getString("reason"));
        assertEquals(4, m.getInt("delta"));
        // again, at the cancelled version: nothing more to do, nothing moves
        try (Response r = put(admin, id(placed), etag(cancelled)).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertEquals(cancelled.getJsonNumber("version"), get(id(placed)).getJsonNumber("version"));
        assertEquals(10, stockOf(product));
        // a cancelled order is not changed either
        assertRefused(
                put(admin, id(placed), etag(cancelled))
                        .put(json(orderBody(
                                cancelled
                                        .getJsonObject("customer")
                                        .getJsonNumber("id")
                                        .longValue(),
                                product,
                                1))),
                409,
                "INVALID_TRANSITION");
        assertRefused(put(admin, 999999999L, "\"1\"").delete(), 404, "NOT_FOUND");
    }

    @Test
    void concurrentEditsWithOneIfMatchLetExactlyOneWin() throws Exception {
        long product = Fixtures.product("2.00", 50);
        long customer = Fixtures.customer();
        JsonObject placed = place(orderBody(customer, product, 5));
        String etag = etag(placed);
        List<Integer> statuses = Concurrently.run(8, i -> {
            try (Response r = put(admin, id(placed), etag).put(json(orderBody(customer, product, 6 + i)))) {
                if (r.getStatus() != 200) {
                    assertProblem(r, 412, "VERSION_CONFLICT");
                }
                return r.getStatus();
            }
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        int quantity = quantities(get(id(placed))).get(product);
        assertEquals(6 + statuses.indexOf(200), quantity);
        assertEquals(50 - quantity, stockOf(product));
        assertEquals(50 - quantity, ledgerSum(product));
    }

    /**
     * Edits raising a placed order's line while new orders take the same product, all at once: whatever wins,
     * the order and the new orders together never hold more than there was, and the ledger matches the stock.
     */
    @Test
    void concurrentEditsAndNewOrdersNeverOversell() throws Exception {
        long product = Fixtures.product("1.00", 20);
        long customer = Fixtures.customer();
        long order = id(place(orderBody(customer, product, 5)));
        List<Integer> placedUnits = Concurrently.run(30, i -> {
            if (i % 3 == 0) {
                // an admin reads the order and raises its line; a conflict with another edit is retried
                for (int attempt = 0; attempt < 20; attempt++) {
                    JsonObject current = get(order);
                    int wanted = quantities(current).get(product)
                            + 1
                            + ThreadLocalRandom.current().nextInt(3);
                    try (Response r =
                            put(admin, order, etag(current)).put(json(orderBody(customer, product, wanted)))) {
                        if (r.getStatus() == 200 || r.getStatus() == 409) {
                            if (r.getStatus() == 409) {
                                assertProblem(r, 409, "INSUFFICIENT_STOCK");
                            }
                            return 0;
                        }
                        assertProblem(r, 412, "VERSION_CONFLICT");
                    }
                }
                return 0;
            }
            try (Response r = as(user, "api/orders").post(json(orderBody(customer, product, 1)))) {
                if (r.getStatus() != 201) {
                    assertProblem(r, 409, "INSUFFICIENT_STOCK");
                    return 0;
                }
                return 1;
            }
        });
        int sold = placedUnits.stream().mapToInt(Integer::intValue).sum();
        int held = quantities(get(order)).get(product);
        int stock = stockOf(product);
        assertTrue(stock >= 0);
        assertEquals(20, stock + held + sold, "stock " + stock + ", the edited order " + held + ", new orders " + sold);
        assertEquals(stock, ledgerSum(product));
    }

    /**
     * Analytics see an edit as the old order leaving and the new one counting: the new customer's lifetime value is
     * the edited total, the old customer's is gone, incrementally and after a full rebuild alike.
     */
    @Test
    void analyticsFollowAnEdit() {
        long product = Fixtures.product("777.77", 10);
        long first = Fixtures.customer();
        long second = Fixtures.customer();
        JsonObject placed = place(orderBody(first, product, 2)); // 1555.54 + 140.00 = 1695.54
        assertEquals(new BigDecimal("1695.54"), money(placed, "total"));
        refresh("");
        try (Response r = put(admin, id(placed), etag(placed)).put(json(orderBody(second, product, 3)))) {
            assertEquals(200, r.getStatus());
            assertEquals(new BigDecimal("2543.31"), money(body(r), "total")); // 2333.31 + 210.00
        }
        for (String full : new String[] {"", "true"}) {
            refresh(full);
            JsonObject mine = ltv(second, "2543.31");
            assertNotNull(mine, "the new customer counts the edited order");
            assertEquals(new BigDecimal("2543.31"), money(mine, "total_value"));
            assertNull(ltv(first, "1695.54"), "the old customer no longer counts it");
        }
    }

    private void refresh(String full) {
        try (Response r = as(admin, "api/analytics/refresh", "full", full.isEmpty() ? "false" : full)
                .post(null)) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
    }

    /** The customer's row of the lifetime values at or above the threshold, or null. */
    private static JsonObject ltv(long customer, String threshold) {
        for (int page = 1; page <= 100; page++) {
            try (Response r = as(
                            Api.tokenFor("manager"),
                            "api/analytics/customer-ltv",
                            "threshold",
                            threshold,
                            "per_page",
                            100,
                            "page",
                            page)
                    .get()) {
                assertEquals(200, r.getStatus());
                JsonObject body = body(r);
                for (JsonObject c : body.getJsonArray("customers").getValuesAs(JsonObject.class)) {
                    if (c.getJsonNumber("customer_id").longValue() == customer) {
                        return c;
                    }
                }
                if (!body.getJsonObject("pagination").getBoolean("has_next")) {
                    return null;
                }
            }
        }
        return null;
    }
}
