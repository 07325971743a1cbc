package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertDeleted;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.assertStock;
import static it.io.factoryops.support.Fixtures.stockOf;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Products, their stock ledger and adjustments; customers. */
class ProductIT {

    private final String admin = Api.tokenFor("admin");
    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");

    private static JsonObject product(String sku, String price, int stock) {
        return object(
                "sku",
                sku,
                "name",
                "Widget",
                "price",
                new BigDecimal(price),
                "stock_quantity",
                stock,
                "reorder_level",
                5,
                "category",
                "Widgets");
    }

    @Test
    void createReadReplaceDelete() {
        String sku = "W-" + Api.RUN + "-crud";
        long id;
        try (Response r = as(admin, "api/products").post(json(product(sku, "9.90", 12)))) {
            assertEquals(201, r.getStatus());
            JsonObject p = body(r);
            id = p.getJsonNumber("id").longValue();
            assertEquals(new BigDecimal("9.90"), p.getJsonNumber("price").bigDecimalValue());
            assertEquals(12, p.getInt("stock_quantity"));
            assertFalse(p.getBoolean("low_stock"));
        }
        try (Response r = as(Api.tokenFor("mechanic"), "api/products/" + id).get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r =
                as(admin, "api/products/" + id).put(json(with(product(sku, "10.00", 12), "name", "Widget Pro")))) {
            assertEquals(200, r.getStatus());
            assertEquals("Widget Pro", body(r).getString("name"));
        }
        assertRefused(as(admin, "api/products/" + id).put(json(product(sku, "10.00", 99))), 409, "CONFLICT");
        assertRefused(as(admin, "api/products").post(json(product(sku, "1.00", 0))), 409, "ALREADY_EXISTS");
        // it has a ledger (its initial stock): deactivated, never deleted
        assertRefused(as(admin, "api/products/" + id).delete(), 409, "STILL_REFERENCED");
        try (Response r = as(admin, "api/products/" + id).put(json(with(product(sku, "10.00", 12), "active", false)))) {
            assertEquals(200, r.getStatus());
            assertFalse(body(r).getBoolean("active"));
        }
        long customer = Fixtures.customer();
        assertRefused(as(user, "api/orders").post(json(Fixtures.orderBody(customer, id, 1))), 409, "CONFLICT");
        assertEquals(12, stockOf(id));
        // one that never moved stock can go
        long unstocked;
        try (Response r = as(admin, "api/products").post(json(product(sku + "-0", "1.00", 0)))) {
            assertEquals(201, r.getStatus());
            JsonObject p = body(r);
            unstocked = p.getJsonNumber("id").longValue();
            assertEquals("out_of_stock", p.getString("stock_status"));
            assertTrue(p.getBoolean("active"));
        }
        assertDeleted(admin, user, "api/products/" + unstocked);
    }

    @Test
    void pricesAndQuantitiesAreValidated() {
        for (Object[] bad : new Object[][] {
            {new BigDecimal("12.345"), 1},
            {new BigDecimal("-1.00"), 1},
            {"cheap", 1},
            {new BigDecimal("1.00"), -1},
            {new BigDecimal("1.00"), 2.5},
            {new BigDecimal("100000000000.00"), 1}
        }) {
            try (Response r = as(admin, "api/products")
                    .post(json(with(product("BAD-" + Api.RUN, "0", 0), "price", bad[0], "stock_quantity", bad[1])))) {
                assertEquals(400, r.getStatus(), "price " + bad[0] + ", stock " + bad[1]);
            }
        }
        try (Response r = as(admin, "api/products")
                .post(json(object("sku", "s".repeat(65), "name", "n".repeat(201), "price", 1)))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            assertEquals(2, p.getJsonArray("errors").size());
        }
    }

    @Test
    void listFiltersDefaultToTenPerPage() {
        String category = "Cat-" + Api.RUN;
        for (int i = 0; i < 12; i++) {
            Fixtures.product(Integer.toString(i + 1) + ".00", i, 5, category);
        }
        try (Response r = as(user, "api/products", "category", category).get()) {
            JsonObject page = body(r);
            assertEquals(10, page.getJsonArray("data").size());
            assertEquals(12, page.getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(user, "api/products", "category", category, "low_stock", "true")
                .get()) {
            JsonArray data = body(r).getJsonArray("data");
            assertEquals(6, data.size(), "stock 0..5 is at or below the reorder level 5");
            data.getValuesAs(JsonObject.class).forEach(p -> assertTrue(p.getBoolean("low_stock")));
        }
        try (Response r = as(
                        user,
                        "api/products",
                        "category",
                        category,
                        "min_price",
                        "3",
                        "max_price",
                        "5.00",
                        "sort",
                        "-price")
                .get()) {
            JsonArray data = body(r).getJsonArray("data");
            assertEquals(3, data.size());
            assertEquals(
                    new BigDecimal("5.00"),
                    data.getJsonObject(0).getJsonNumber("price").bigDecimalValue());
        }
        assertRefused(as(user, "api/products", "min_price", "free").get(), 400, "INVALID_PARAMETER");
    }

    @Test
    void adjustmentsWriteTheLedgerAndNeverGoBelowZero() {
        long product = Fixtures.product("2.00", 10);
        try (Response r = as(manager, "api/products/" + product + "/adjust-stock")
                .post(json(object("delta", 5, "reason", "cycle count")))) {
            assertEquals(201, r.getStatus());
            JsonObject m = body(r);
            assertEquals(5, m.getInt("delta"));
            assertEquals(15, m.getInt("quantity_after"));
            assertEquals("ADJUSTMENT", m.getString("reason"));
            assertEquals("cycle count", m.getString("note"));
        }
        try (Response r = as(manager, "api/products/" + product + "/adjust-stock")
                .post(json(object("delta", -16, "reason", "broken")))) {
            JsonObject p = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            assertEquals(15, p.getInt("available"));
        }
        try (Response r = as(manager, "api/products/" + product + "/adjust-stock")
                .post(json(object("delta", -15, "reason", "scrapped")))) {
            assertEquals(201, r.getStatus());
        }
        for (JsonObject bad : new JsonObject[] {
            object("delta", 0, "reason", "x"),
            object("delta", 3),
            object("reason", "x"),
            object("delta", 1.5, "reason", "x")
        }) {
            try (Response r =
                    as(manager, "api/products/" + product + "/adjust-stock").post(json(bad))) {
                assertEquals(400, r.getStatus(), bad.toString());
            }
        }
        assertRefused(
                as(user, "api/products/" + product + "/adjust-stock").post(json(object("delta", 1, "reason", "x"))),
                403,
                "FORBIDDEN");
        assertStock(product, 0);
        try (Response r =
                as(user, "api/products/" + product + "/stock-movements").get()) {
            JsonArray rows = body(r).getJsonArray("data");
            assertEquals(3, rows.size());
            assertEquals(-15, rows.getJsonObject(0).getInt("delta"), "newest first");
            assertEquals("INITIAL", rows.getJsonObject(2).getString("reason"));
        }
        assertRefused(as(user, "api/products/999999999/stock-movements").get(), 404, "NOT_FOUND");
    }

    @Test
    void adjustmentsHonourIdempotencyKeys() {
        long product = Fixtures.product("2.00", 10);
        String key = "adjust-" + Api.RUN + "-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            try (Response r = as(manager, "api/products/" + product + "/adjust-stock")
                    .header("Idempotency-Key", key)
                    .post(json(object("delta", 4, "reason", "found a box")))) {
                assertEquals(201, r.getStatus());
            }
        }
        assertEquals(14, stockOf(product));
        assertRefused(
                as(manager, "api/products/" + product + "/adjust-stock")
                        .header("Idempotency-Key", key)
                        .post(json(object("delta", 5, "reason", "found a box"))),
                422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aProductWithOrdersCannotBeDeleted() {
        long product = Fixtures.product("2.00", 10);
        long customer = Fixtures.customer();
        try (Response r = as(user, "api/orders").post(json(Fixtures.orderBody(customer, product, 1)))) {
            assertEquals(201, r.getStatus());
        }
        assertRefused(as(admin, "api/products/" + product).delete(), 409, "STILL_REFERENCED");
        assertRefused(as(admin, "api/customers/" + customer).delete(), 409, "STILL_REFERENCED");
        assertStock(product, 9);
    }

    @Test
    void roleMatrixOfProductsAndCustomers() {
        long product = Fixtures.product("2.00", 10);
        long customer = Fixtures.customer();
        for (String path :
                new String[] {"api/products", "api/products/" + product, "api/customers", "api/customers/" + customer
                }) {
            for (String role : new String[] {"user", "manager", "admin"}) {
                try (Response r = as(Api.tokenFor(role), path).get()) {
                    assertEquals(200, r.getStatus(), role + " GET " + path);
                }
            }
            assertRefused(anonymous(path).get(), 401, "UNAUTHORIZED");
            assertRefused(as(Api.tokenFor("customer"), path).get(), 403, "FORBIDDEN");
        }
        assertRefused(as(Api.tokenFor("mechanic"), "api/customers").get(), 403, "FORBIDDEN");
        for (String role : new String[] {"user", "manager", "mechanic"}) {
            assertRefused(
                    as(Api.tokenFor(role), "api/products").post(json(product("X-" + role, "1.00", 1))),
                    403,
                    "FORBIDDEN");
            assertRefused(as(Api.tokenFor(role), "api/products/" + product).delete(), 403, "FORBIDDEN");
            assertRefused(
                    as(Api.tokenFor(role), "api/customers").post(json(object("name", "n", "email", "n@x.io"))),
                    403,
                    "FORBIDDEN");
            assertRefused(as(Api.tokenFor(role), "api/customers/" + customer).delete(), 403, "FORBIDDEN");
        }
    }

    @Test
    void customersCrudAndUniqueEmail() {
        String email = Api.uniqueEmail("crm");
        long id;
        try (Response r = as(admin, "api/customers").post(json(object("name", "Acme", "email", email)))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
        }
        assertRefused(
                as(admin, "api/customers").post(json(object("name", "Acme 2", "email", email.toUpperCase()))),
                409,
                "ALREADY_EXISTS");
        try (Response r = as(admin, "api/customers/" + id)
                .put(json(object("name", "Acme Ltd", "email", email, "phone", "+44 20 7946 0000")))) {
            assertEquals(200, r.getStatus());
            assertEquals("Acme Ltd", body(r).getString("name"));
        }
        assertRefused(
                as(admin, "api/customers/" + id)
                        .put(json(object("name", "Acme", "email", email, "phone", "call me maybe"))),
                400,
                "VALIDATION_FAILED");
        try (Response r = as(user, "api/customers", "q", "acme ltd").get()) {
            assertTrue(body(r).getJsonObject("pagination").getInt("total") >= 1);
        }
        try (Response r = as(admin, "api/customers/" + id).delete()) {
            assertEquals(204, r.getStatus());
        }
    }

    /**
     * Orders are owner-scoped below admin, and so is who sold what: a user reading a product's ledger
     * sees every movement, but another user's sale without its username, request id or order id; their
     * own sales whole. An admin sees everything.
     */
    @Test
    void usersSeeMovementsButNotWhoElseOrderedWhat() {
        long customer = Fixtures.customer();
        long product = Fixtures.product("4.00", 20);
        String seller = Api.createUser("user");
        String sellerToken = Api.login(seller, Api.PASSWORD).getString("access_token");
        String reader = Api.createUser("user");
        String readerToken = Api.login(reader, Api.PASSWORD).getString("access_token");
        long sold;
        try (Response r = as(sellerToken, "api/orders").post(json(Fixtures.orderBody(customer, product, 2)))) {
            assertEquals(201, r.getStatus());
            sold = body(r).getJsonNumber("id").longValue();
        }
        long own;
        try (Response r = as(readerToken, "api/orders").post(json(Fixtures.orderBody(customer, product, 1)))) {
            assertEquals(201, r.getStatus());
            own = body(r).getJsonNumber("id").longValue();
        }
        try (Response r =
                as(readerToken, "api/products/" + product + "/stock-movements").get()) {
            String text = r.readEntity(String.class);
            assertEquals(200, r.getStatus());
            assertFalse(text.contains(seller), "another user's name: " + text);
            JsonArray rows = jakarta.json.Json.createReader(new java.io.StringReader(text))
                    .readObject()
                    .getJsonArray("data");
            assertEquals(3, rows.size(), "every movement is listed");
            JsonObject theirs = rows.getJsonObject(1);
            assertEquals("ORDER", theirs.getString("reason"));
            assertEquals(-2, theirs.getInt("delta"));
            for (String hidden : new String[] {"actor", "request_id", "reference_id"}) {
                assertTrue(
                        !theirs.containsKey(hidden) || theirs.isNull(hidden), hidden + " of another's sale: " + theirs);
            }
            JsonObject mine = rows.getJsonObject(0);
            assertEquals(reader, mine.getString("actor"));
            assertEquals(own, mine.getJsonNumber("reference_id").longValue());
        }
        try (Response r = as(Api.tokenFor("admin"), "api/products/" + product + "/stock-movements")
                .get()) {
            JsonObject theirs = body(r).getJsonArray("data").getJsonObject(1);
            assertEquals(seller, theirs.getString("actor"));
            assertEquals(sold, theirs.getJsonNumber("reference_id").longValue());
        }
    }
}
