package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertDeleted;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefused;
import static it.io.factoryops.support.Concurrently.assertNeverOversold;
import static it.io.factoryops.support.Fixtures.assertPartStock;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parts: their rules, their stock through the ledger, their filters and who may do what. */
class PartIT {

    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");

    @Test
    void createReadReplaceDeactivateDelete() {
        long category = Fixtures.category("Seals", null);
        long location = Fixtures.location(null);
        long supplier = Fixtures.supplier();
        String sku = "P-" + Api.RUN + "-crud";
        long id;
        String etag;
        try (Response r = as(manager, "api/inventory/items").post(json(part(sku, category, location, supplier)))) {
            assertEquals(201, r.getStatus());
            assertTrue(r.getLocation().toString().endsWith("/api/inventory/items/" + body(r).getJsonNumber("id")));
        }
        try (Response r = as(user, "api/inventory/items", "q", sku).get()) {
            JsonObject p = body(r).getJsonArray("data").getJsonObject(0);
            id = p.getJsonNumber("id").longValue();
            assertEquals(0, p.getInt("quantity"));
            assertEquals("out_of_stock", p.getString("status"));
            assertEquals(new BigDecimal("2.35"), p.getJsonNumber("unit_cost").bigDecimalValue());
            assertEquals(0, p.getJsonNumber("stock_value").bigDecimalValue().signum());
            assertEquals(category, p.getJsonNumber("category_id").longValue());
            assertEquals(location, p.getJsonNumber("location_id").longValue());
            assertEquals(supplier, p.getJsonNumber("preferred_supplier_id").longValue());
            assertEquals("pcs", p.getString("unit"));
            assertTrue(p.getBoolean("active"));
        }
        try (Response r =
                as(Api.tokenFor("mechanic"), "api/inventory/items/" + id).get()) {
            assertEquals(200, r.getStatus());
            etag = r.getHeaderString("ETag");
        }
        try (Response r = as(user, "api/inventory/items/" + id)
                .header("If-None-Match", etag)
                .get()) {
            assertEquals(304, r.getStatus());
        }
        addStock(id, 30, 201);
        // a movement changes the part as shown: the old ETag is stale
        try (Response r = as(user, "api/inventory/items/" + id)
                .header("If-None-Match", etag)
                .get()) {
            assertEquals(200, r.getStatus());
            JsonObject p = body(r);
            assertEquals(30, p.getInt("quantity"));
            assertEquals(new BigDecimal("70.50"), p.getJsonNumber("stock_value").bigDecimalValue());
        }
        assertRefused(
                as(manager, "api/inventory/items/" + id)
                        .header("If-Match", etag)
                        .put(json(part(sku, category, location, supplier))),
                412,
                "VERSION_CONFLICT");
        assertRefused(
                as(manager, "api/inventory/items/" + id)
                        .put(json(with(part(sku, category, location, supplier), "quantity", 99))),
                409,
                "CONFLICT");
        try (Response r = as(manager, "api/inventory/items/" + id)
                .put(json(with(
                        part(sku, null, null, null), "name", "Shaft seal v2 40", "quantity", 30, "active", false)))) {
            assertEquals(200, r.getStatus());
            JsonObject p = body(r);
            assertEquals("Shaft seal v2 40", p.getString("name"));
            assertFalse(p.getBoolean("active"));
            assertFalse(p.containsKey("category_id"));
            assertEquals(30, p.getInt("quantity"));
        }
        assertRefused(
                as(manager, "api/inventory/items").post(json(part(sku, null, null, null))), 409, "ALREADY_EXISTS");
        // it has a ledger: deactivated, never deleted
        assertRefused(as(manager, "api/inventory/items/" + id).delete(), 409, "STILL_REFERENCED");
        long fresh = create(sku + "-0", null, null, null);
        assertDeleted(manager, user, "api/inventory/items/" + fresh);
    }

    @Test
    void unknownReferencesAreNamedAndNothingIsWritten() {
        String sku = "P-" + Api.RUN + "-refs";
        JsonObject known = part(sku, null, null, null);
        for (String field : List.of("category_id", "location_id", "preferred_supplier_id")) {
            try (Response r = as(manager, "api/inventory/items").post(json(with(known, field, 999_999_999L)))) {
                JsonObject problem = assertProblem(r, 404, "NOT_FOUND");
                assertEquals(
                        field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            }
        }
        try (Response r = as(user, "api/inventory/items", "q", sku).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        // a category or location still used by a part cannot be deleted
        long category = Fixtures.category("Used", null);
        create(sku + "-used", category, null, null);
        assertRefused(as(manager, "api/inventory/categories/" + category).delete(), 409, "STILL_REFERENCED");
    }

    @Test
    void badInputIsRefused() {
        String sku = "P-" + Api.RUN + "-bad";
        JsonObject good = part(sku, null, null, null);
        for (JsonObject bad : new JsonObject[] {
            with(good, "unit_cost", -1),
            with(good, "unit_cost", new BigDecimal("1.234")),
            with(good, "unit_cost", new BigDecimal("1e12")),
            with(good, "reorder_level", -1),
            with(good, "reorder_quantity", 2000000000),
            with(good, "sku", "bad sku!"),
            with(good, "unit", "u".repeat(17)),
            with(good, "name", "x".repeat(201) + " 40")
        }) {
            assertRefused(as(manager, "api/inventory/items").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        assertRefused(as(manager, "api/inventory/items").post(json("{\"sku\":\"x\",\"name\":")), 400, "MALFORMED_JSON");
        long id = create(sku, null, null, null);
        for (JsonObject bad : new JsonObject[] {
            object("quantity", 0),
            object("quantity", -3),
            object("quantity", 1000001),
            object("quantity", 1, "reason", "THEFT"),
            object("quantity", 1, "note", "n".repeat(501)),
            object()
        }) {
            assertRefused(
                    as(manager, "api/inventory/items/" + id + "/add-stock").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        assertRefused(
                as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", "a"))),
                400,
                "MALFORMED_JSON");
        assertQueriesRefused(
                user,
                "api/inventory/items",
                "status",
                "plenty",
                "category",
                "x",
                "location",
                "-1",
                "updated_from",
                "2026-13-01",
                "sort",
                "cost",
                "active",
                "maybe");
        assertRefused(as(user, "api/inventory/items", "category", 999_999_999).get(), 404, "NOT_FOUND");
    }

    @Test
    void stockMovesThroughTheLedgerAndNeverBelowZero() {
        long id = create("P-" + Api.RUN + "-ledger", null, null, null);
        JsonObject added = addStock(id, 10, 201);
        assertEquals(id, added.getJsonNumber("item_id").longValue());
        assertFalse(added.containsKey("product_id"));
        assertEquals(0, added.getInt("quantity_before"));
        assertEquals(10, added.getInt("quantity_after"));
        assertEquals("RECEIPT", added.getString("reason"));
        try (Response r = as(manager, "api/inventory/items/" + id + "/remove-stock")
                .post(json(object("quantity", 4, "reason", "DAMAGE", "note", "dropped")))) {
            assertEquals(201, r.getStatus());
            JsonObject m = body(r);
            assertEquals(-4, m.getInt("delta"));
            assertEquals(6, m.getInt("quantity_after"));
            assertEquals("dropped", m.getString("note"));
        }
        try (Response r =
                as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", 7)))) {
            JsonObject problem = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            assertEquals(id, problem.getJsonNumber("item_id").longValue());
            assertEquals(7, problem.getInt("requested"));
            assertEquals(6, problem.getInt("available"));
        }
        // idempotent: the same key and body replay the first answer, and move nothing more
        String key = "part-add-" + Api.RUN;
        for (int i = 0; i < 2; i++) {
            try (Response r = as(manager, "api/inventory/items/" + id + "/add-stock")
                    .header("Idempotency-Key", key)
                    .post(json(object("quantity", 2)))) {
                assertEquals(201, r.getStatus());
                assertEquals(8, body(r).getInt("quantity_after"));
            }
        }
        assertPartStock(id, 8);
        assertRefused(as(user, "api/inventory/items/999999999/stock-movements").get(), 404, "NOT_FOUND");
        assertRefused(
                as(manager, "api/inventory/items/999999999/add-stock").post(json(object("quantity", 1))),
                404,
                "NOT_FOUND");
    }

    @Test
    void fiftyParallelRemovalsOfTwentyUnits() throws Exception {
        long id = create("P-" + Api.RUN + "-race", null, null, null);
        addStock(id, 20, 201);
        assertNeverOversold(
                50,
                20,
                201,
                i -> as(manager, "api/inventory/items/" + id + "/remove-stock")
                        .post(json(object("quantity", 1, "reason", "CONSUMPTION"))));
        assertPartStock(id, 0);
    }

    @Test
    void aLowStockAlertIsRaisedOncePerCrossingEvenUnderConcurrency() throws Exception {
        long supplier = Fixtures.supplier();
        long id = create("P-" + Api.RUN + "-alert", null, null, supplier); // reorder level 20, reorder quantity 100
        addStock(id, 30, 201);
        List<Integer> statuses = Concurrently.run(16, i -> {
            try (Response r =
                    as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", 1)))) {
                return r.getStatus();
            }
        });
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        assertEquals(14, quantityOf(id));
        List<JsonObject> alerts = lowStockAlerts(id);
        assertEquals(1, alerts.size(), alerts.toString());
        JsonObject suggestion = alerts.get(0).getJsonObject("suggested_reorder");
        assertEquals(id, suggestion.getJsonNumber("item_id").longValue());
        assertEquals(supplier, suggestion.getJsonNumber("supplier_id").longValue());
        assertEquals(100, suggestion.getInt("quantity"));
        // still low: no new alert; above the level and down again: a new one
        try (Response r =
                as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", 1)))) {
            assertEquals(201, r.getStatus());
        }
        assertEquals(1, lowStockAlerts(id).size());
        addStock(id, 20, 201);
        try (Response r =
                as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", 15)))) {
            assertEquals(201, r.getStatus());
        }
        assertEquals(2, lowStockAlerts(id).size());
        // a rolled-back move alerts nobody: taking more than there is fails whole
        addStock(id, 30, 201);
        assertRefused(
                as(manager, "api/inventory/items/" + id + "/remove-stock").post(json(object("quantity", 99))),
                409,
                "INSUFFICIENT_STOCK");
        assertEquals(2, lowStockAlerts(id).size());
    }

    @Test
    void filtersIncludeSubtreesAndStockStatus() {
        long root = Fixtures.category("Hydraulics", null);
        long child = Fixtures.category("Seals", root);
        long other = Fixtures.category("Electrics", null);
        long warehouse = Fixtures.location(null);
        long bin = Fixtures.location(Fixtures.location(warehouse));
        long supplier = Fixtures.supplier();
        String prefix = "F-" + Api.RUN + "-";
        long inRoot = create(prefix + "root", root, warehouse, supplier);
        long inChild = create(prefix + "child", child, bin, null);
        long elsewhere = create(prefix + "other", other, null, supplier);
        addStock(inRoot, 50, 201); // reorder level 20: in stock
        addStock(inChild, 5, 201); // low
        // elsewhere: none, out of stock
        assertEquals(Set.of(inRoot, inChild), ids("category", root, prefix));
        assertEquals(Set.of(inChild), ids("category", child, prefix));
        assertEquals(Set.of(inRoot, inChild), ids("location", warehouse, prefix));
        assertEquals(Set.of(inChild), ids("location", bin, prefix));
        assertEquals(Set.of(inRoot, elsewhere), ids("supplier", supplier, prefix));
        assertEquals(Set.of(inRoot), ids("status", "in_stock", prefix));
        assertEquals(Set.of(inChild), ids("status", "low_stock", prefix));
        assertEquals(Set.of(elsewhere), ids("status", "out_of_stock", prefix));
        assertEquals(Set.of(), ids("updated_from", "2999-01-01", prefix));
        assertEquals(Set.of(inRoot, inChild, elsewhere), ids("updated_to", "2999-01-01", prefix));
        try (Response r = as(user, "api/inventory/items", "q", prefix, "status", "low_stock", "category", root)
                .get()) {
            List<JsonObject> data = body(r).getJsonArray("data").getValuesAs(JsonObject.class);
            assertEquals(1, data.size());
            assertEquals("low_stock", data.get(0).getString("status"));
        }
        try (Response r = as(user, "api/inventory/items", "q", prefix, "sort", "-quantity")
                .get()) {
            List<Long> order = body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getJsonNumber("id").longValue())
                    .toList();
            assertEquals(List.of(inRoot, inChild, elsewhere), order);
        }
    }

    @Test
    void roleMatrix() {
        long id = create("P-" + Api.RUN + "-roles", null, null, null);
        for (String path : new String[] {
            "api/inventory/items", "api/inventory/items/" + id, "api/inventory/items/" + id + "/stock-movements"
        }) {
            for (String role : new String[] {"user", "mechanic", "manager", "admin"}) {
                try (Response r = as(Api.tokenFor(role), path).get()) {
                    assertEquals(200, r.getStatus(), role + " GET " + path);
                }
            }
            assertRefused(as(Api.tokenFor("customer"), path).get(), 403, "FORBIDDEN");
            try (Response r = anonymous(path).get()) {
                assertEquals(401, r.getStatus());
            }
        }
        for (String role : new String[] {"user", "mechanic", "customer"}) {
            String token = Api.tokenFor(role);
            assertRefused(
                    as(token, "api/inventory/items").post(json(part("X-" + role + Api.RUN, null, null, null))),
                    403,
                    "FORBIDDEN");
            assertRefused(
                    as(token, "api/inventory/items/" + id).put(json(part("X", null, null, null))), 403, "FORBIDDEN");
            assertRefused(as(token, "api/inventory/items/" + id).delete(), 403, "FORBIDDEN");
            for (String move : new String[] {"add-stock", "remove-stock"}) {
                assertRefused(
                        as(token, "api/inventory/items/" + id + "/" + move).post(json(object("quantity", 1))),
                        403,
                        "FORBIDDEN");
            }
        }
        try (Response r = anonymous("api/inventory/items/" + id + "/add-stock").post(json(object("quantity", 1)))) {
            assertEquals(401, r.getStatus());
        }
        addStock(id, 1, 201); // a manager may; admins include managers
        try (Response r = as(Api.tokenFor("admin"), "api/inventory/items/" + id + "/remove-stock")
                .post(json(object("quantity", 1)))) {
            assertEquals(201, r.getStatus());
        }
        // below admin, another person's ledger rows carry no actor
        try (Response r =
                as(user, "api/inventory/items/" + id + "/stock-movements").get()) {
            for (JsonObject m : body(r).getJsonArray("data").getValuesAs(JsonObject.class)) {
                assertNull(m.get("actor"));
            }
        }
    }

    static JsonObject part(String sku, Long category, Long location, Long supplier) {
        return sparse(
                "sku",
                sku,
                "name",
                "Shaft seal 40",
                "description",
                "NBR",
                "unit",
                "pcs",
                "unit_cost",
                2.35,
                "reorder_level",
                20,
                "reorder_quantity",
                100,
                "category_id",
                category,
                "location_id",
                location,
                "preferred_supplier_id",
                supplier);
    }

    private long create(String sku, Long category, Long location, Long supplier) {
        try (Response r = as(manager, "api/inventory/items").post(json(part(sku, category, location, supplier)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    private JsonObject addStock(long id, int quantity, int status) {
        try (Response r = as(manager, "api/inventory/items/" + id + "/add-stock")
                .post(json(object("quantity", quantity, "reason", "RECEIPT")))) {
            assertEquals(status, r.getStatus());
            return body(r);
        }
    }

    /** The manager's LOW_STOCK notifications about this part. */
    private List<JsonObject> lowStockAlerts(long part) {
        try (Response r = as(manager, "api/notifications", "type", "LOW_STOCK", "per_page", 100)
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(n -> "PART".equals(n.getString("reference_type", null))
                            && n.getJsonNumber("reference_id").longValue() == part)
                    .toList();
        }
    }

    private int quantityOf(long id) {
        try (Response r = as(user, "api/inventory/items/" + id).get()) {
            return body(r).getInt("quantity");
        }
    }

    private Set<Long> ids(String filter, Object value, String prefix) {
        try (Response r = as(user, "api/inventory/items", "q", prefix, filter, value, "per_page", 100)
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getJsonNumber("id").longValue())
                    .collect(Collectors.toSet());
        }
    }
}
