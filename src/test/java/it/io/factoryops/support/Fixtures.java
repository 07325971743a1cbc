package it.io.factoryops.support;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the master data that business tests need, through the API, as an admin. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {}

    public static long product(String price, int stock) {
        return product(price, stock, 0, "General");
    }

    public static long product(String price, int stock, int reorderLevel, String category) {
        String sku = "SKU-" + Api.RUN + "-" + SEQ.incrementAndGet();
        try (Response r = as(Api.tokenFor("admin"), "api/products")
                .post(json(object(
                        "sku",
                        sku,
                        "name",
                        "Product " + sku,
                        "price",
                        new BigDecimal(price),
                        "stock_quantity",
                        stock,
                        "reorder_level",
                        reorderLevel,
                        "category",
                        category)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    public static long customer() {
        String email = Api.uniqueEmail("customer");
        try (Response r = as(Api.tokenFor("admin"), "api/customers")
                .post(json(object(
                        "name",
                        "Customer " + email,
                        "email",
                        email,
                        "phone",
                        "+1 555 0100",
                        "address",
                        "1 Plant Road")))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    public static long employee() {
        try (Response r = as(Api.tokenFor("admin"), "api/employees")
                .post(json(object("name", "Maker " + SEQ.incrementAndGet(), "email", Api.uniqueEmail("maker"))))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    /** A supplier with a code unique to this run, as a manager; returns its id. */
    public static long supplier() {
        String code = "SUP-" + Api.RUN.toUpperCase() + "-" + SEQ.incrementAndGet();
        try (Response r = as(Api.tokenFor("manager"), "api/suppliers")
                .post(json(object(
                        "name", "Supplier " + code, "code", code, "lead_time_days", 7, "payment_terms", "Net 30")))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    /** A part category under {@code parentId} (null: a root with a name unique to this run); returns its id. */
    public static long category(String name, Long parentId) {
        String unique = parentId == null ? name + " " + Api.RUN + "-" + SEQ.incrementAndGet() : name;
        try (Response r = as(Api.tokenFor("manager"), "api/inventory/categories")
                .post(json(JsonBody.sparse("name", unique, "parent_id", parentId)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    /** A stock location with a code unique to this run under {@code parentId} (null: a root); returns its id. */
    public static long location(Long parentId) {
        String code = "LOC-" + Api.RUN.toUpperCase() + "-" + SEQ.incrementAndGet();
        try (Response r = as(Api.tokenFor("manager"), "api/inventory/locations")
                .post(json(JsonBody.sparse("code", code, "name", "Location " + code, "parent_id", parentId)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    /** A part with a SKU unique to this run, holding {@code stock} units (added through the ledger). */
    public static long part(int stock) {
        String sku = "PART-" + Api.RUN + "-" + SEQ.incrementAndGet();
        long id;
        try (Response r = as(Api.tokenFor("manager"), "api/inventory/items")
                .post(json(object(
                        "sku", sku, "name", "Part " + sku, "unit_cost", new BigDecimal("1.50"), "reorder_level", 0)))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
        }
        if (stock > 0) {
            try (Response r = as(Api.tokenFor("manager"), "api/inventory/items/" + id + "/add-stock")
                    .post(json(object("quantity", stock)))) {
                assertEquals(201, r.getStatus());
            }
        }
        return id;
    }

    public static int partQuantity(long partId) {
        try (Response r =
                as(Api.tokenFor("user"), "api/inventory/items/" + partId).get()) {
            assertEquals(200, r.getStatus());
            return body(r).getInt("quantity");
        }
    }

    public static String partSku(long partId) {
        try (Response r =
                as(Api.tokenFor("user"), "api/inventory/items/" + partId).get()) {
            assertEquals(200, r.getStatus());
            return body(r).getString("sku");
        }
    }

    public static JsonObject productView(long id) {
        try (Response r = as(Api.tokenFor("user"), "api/products/" + id).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    public static int stockOf(long productId) {
        return productView(productId).getInt("stock_quantity");
    }

    /**
     * The sum of the deltas of the product's whole ledger, read page by page; asserts on the way that each
     * row's quantity_after is the running sum of the deltas up to it (oldest first), which concurrent
     * changes must not break.
     */
    public static long ledgerSum(long productId) {
        return ledgerSumAt("api/products/" + productId + "/stock-movements");
    }

    /** The product holds {@code units}, and its ledger sums to them. */
    public static void assertStock(long productId, int units) {
        assertEquals(units, stockOf(productId), "stock of product " + productId);
        assertEquals(units, ledgerSum(productId), "ledger of product " + productId);
    }

    /** The part holds {@code units}, and its ledger sums to them. */
    public static void assertPartStock(long partId, int units) {
        assertEquals(units, partQuantity(partId), "stock of part " + partId);
        assertEquals(units, partLedgerSum(partId), "ledger of part " + partId);
    }

    /** {@link #ledgerSum} of a part's ledger. */
    public static long partLedgerSum(long partId) {
        return ledgerSumAt("api/inventory/items/" + partId + "/stock-movements");
    }

    private static long ledgerSumAt(String path) {
        java.util.TreeMap<Long, JsonObject> rows = new java.util.TreeMap<>();
        for (int page = 1; ; page++) {
            try (Response r = as(Api.tokenFor("user"), path, "per_page", 100, "page", page)
                    .get()) {
                assertEquals(200, r.getStatus());
                JsonObject body = body(r);
                for (JsonObject m : body.getJsonArray("data").getValuesAs(JsonObject.class)) {
                    rows.put(m.getJsonNumber("id").longValue(), m);
                }
                if (!body.getJsonObject("pagination").getBoolean("has_next")) {
                    break;
                }
            }
        }
        long sum = 0;
        for (JsonObject m : rows.values()) {
            sum += m.getInt("delta");
            assertEquals(sum, m.getInt("quantity_after"), "quantity_after of ledger row " + m);
        }
        return sum;
    }

    /** A mechanic (employee and mechanic account) with a username unique to this run, as a manager. */
    public static JsonObject mechanic() {
        String username = "mech-" + Api.RUN + "-" + SEQ.incrementAndGet();
        try (Response r = as(Api.tokenFor("manager"), "api/mechanics")
                .post(json(object(
                        "name",
                        "Mechanic " + username,
                        "email",
                        username + "@it.example",
                        "username",
                        username,
                        "password",
                        Api.PASSWORD,
                        "position",
                        "Mechanic")))) {
            assertEquals(201, r.getStatus());
            return body(r);
        }
    }

    /** The access token of a mechanic, through the mechanics' login. */
    public static String mechanicToken(JsonObject mechanic) {
        try (Response r = Api.anonymous("api/mechanics/login")
                .post(json(object("username", mechanic.getString("username"), "password", Api.PASSWORD)))) {
            assertEquals(200, r.getStatus());
            return body(r).getString("access_token");
        }
    }

    public static JsonObject orderBody(long customerId, long productId, int quantity) {
        return object("customer_id", customerId, "lines", array(object("product_id", productId, "quantity", quantity)));
    }

    /** The body of a new account (POST /api/auth/users or /api/auth/register). */
    public static JsonObject account(String username, String email, String password, String role) {
        return JsonBody.object("username", username, "email", email, "password", password, "role", role);
    }

    /** The EXPORT audit rows of {@code actor} (and these more query parameters: name, value, …), newest first. */
    public static jakarta.json.JsonArray exportAudits(String actor, Object... query) {
        Object[] all = new Object[query.length + 6];
        all[0] = "action";
        all[1] = "EXPORT";
        all[2] = "actor";
        all[3] = actor;
        System.arraycopy(query, 0, all, 4, query.length);
        all[all.length - 2] = "sort";
        all[all.length - 1] = "-occurred_at";
        try (Response r = as(Api.tokenFor("admin"), "api/audit-logs", all).get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data");
        }
    }
}
