package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging of the big lists (orders, stock movements, audit log): {@code after=<next_cursor>}
 * continues right after the last row of the previous page, so a walk sees every row that existed
 * when it began exactly once, whatever is inserted meanwhile, and page 10,000 costs what page 1 does.
 */
class KeysetPagingIT {

    private final String user = Api.tokenFor("user");

    private static JsonObject page(String token, WebTarget target) {
        try (Response r =
                target.request().header("Authorization", "Bearer " + token).get()) {
            assertEquals(200, r.getStatus(), () -> target.getUri() + ": " + r.readEntity(String.class));
            JsonObject page = body(r);
            String cursor = page.getJsonObject("pagination").getString("next_cursor", null);
            if (cursor != null) {
                assertTrue(r.getHeaderString("Link").contains("after=" + cursor), "the next link carries the cursor");
            }
            return page;
        }
    }

    /** Walks a list by its cursors; returns the ids in the order seen. */
    private static List<Long> walk(String token, WebTarget first, Runnable betweenPages) {
        List<Long> ids = new ArrayList<>();
        JsonObject page = page(token, first);
        assertEquals(1, page.getJsonObject("pagination").getInt("page"));
        for (int pages = 0; ; pages++) {
            assertTrue(pages < 1000, "the walk ends");
            page.getJsonArray("data")
                    .getValuesAs(JsonObject.class)
                    .forEach(o -> ids.add(o.getJsonNumber("id").longValue()));
            JsonObject pagination = page.getJsonObject("pagination");
            if (!pagination.getBoolean("has_next")) {
                assertFalse(pagination.containsKey("next_cursor"));
                return ids;
            }
            betweenPages.run();
            page = page(token, first.queryParam("after", pagination.getString("next_cursor")));
            assertFalse(page.getJsonObject("pagination").containsKey("page"), "a page after a cursor has no number");
            assertTrue(page.getJsonObject("pagination").getBoolean("has_prev"));
        }
    }

    private long placeOrder(long customer, long product) {
        try (Response r = as(user, "api/orders")
                .post(json(Fixtures.orderBody(customer, product, 1 + (int) (System.nanoTime() % 5))))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    @Test
    void aWalkOverACustomersOrdersSeesEachOnceWhileOrdersArrive() throws Exception {
        long customer = Fixtures.customer();
        long product = Fixtures.product("3.25", 100_000);
        Set<Long> before = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            before.add(placeOrder(customer, product));
        }
        WebTarget list =
                Api.target("api/orders").queryParam("customer_id", customer).queryParam("per_page", 4);
        ExecutorService inserter = Executors.newSingleThreadExecutor();
        AtomicBoolean walking = new AtomicBoolean(true);
        Set<Long> inserted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            Future<?> background = inserter.submit(() -> {
                while (walking.get() && inserted.size() < 20) {
                    inserted.add(placeOrder(customer, product));
                    Thread.sleep(20);
                }
                return null;
            });
            for (UnaryOperator<WebTarget> sort : List.<UnaryOperator<WebTarget>>of(
                    t -> t, t -> t.queryParam("sort", "id"), t -> t.queryParam("sort", "status,-total"))) {
                List<Long> seen = walk(user, sort.apply(list), () -> {
                    if (inserted.size() < 40) {
                        inserted.add(placeOrder(customer, product));
                    }
                });
                assertEquals(seen.size(), new HashSet<>(seen).size(), "no order twice: " + seen);
                assertTrue(seen.containsAll(before), "no order missed: " + before + " vs " + seen);
                assertTrue(before.size() + inserted.size() >= seen.size());
            }
            walking.set(false);
            background.get();
        } finally {
            walking.set(false);
            inserter.shutdown();
        }
        assertTrue(inserted.size() >= 10, "orders arrived during the walks: " + inserted.size());

        // at rest, the walk and one big page list the same orders in the same order
        List<Long> all = new ArrayList<>();
        page(
                        user,
                        Api.target("api/orders")
                                .queryParam("customer_id", customer)
                                .queryParam("per_page", 100)
                                .queryParam("sort", "status,-total"))
                .getJsonArray("data")
                .getValuesAs(JsonObject.class)
                .forEach(o -> all.add(o.getJsonNumber("id").longValue()));
        assertEquals(all, walk(user, list.queryParam("sort", "status,-total"), () -> {}));
    }

    @Test
    void stockMovementsAndTheAuditLogWalkByCursor() {
        String manager = Api.tokenFor("manager");
        long product = Fixtures.product("1.00", 100);
        for (int i = 1; i <= 12; i++) {
            try (Response r = as(manager, "api/products/" + product + "/adjust-stock")
                    .post(json(object("delta", i, "reason", "count " + i)))) {
                assertEquals(201, r.getStatus());
            }
        }
        List<Long> movements = walk(
                user, Api.target("api/products/" + product + "/stock-movements").queryParam("per_page", 5), () -> {});
        assertEquals(13, movements.size(), "INITIAL and 12 adjustments");
        assertEquals(13, new HashSet<>(movements).size());
        List<Long> descending = new ArrayList<>(movements);
        descending.sort(java.util.Comparator.reverseOrder());
        assertEquals(descending, movements, "newest first");

        String admin = Api.tokenFor("admin");
        List<Long> audit = walk(
                admin,
                Api.target("api/audit-logs")
                        .queryParam("entity_type", "product")
                        .queryParam("entity_id", product)
                        .queryParam("per_page", 3),
                () -> {});
        assertEquals(13, audit.size(), "CREATE and 12 ADJUST_STOCK");
        assertEquals(13, new HashSet<>(audit).size());
        List<Long> byAction = walk(
                admin,
                Api.target("api/audit-logs")
                        .queryParam("entity_type", "product")
                        .queryParam("entity_id", product)
                        .queryParam("per_page", 2)
                        .queryParam("sort", "action,-occurred_at"),
                () -> {});
        assertEquals(new HashSet<>(audit), new HashSet<>(byAction));
    }

    @Test
    void aGarbageCursorIs400() {
        String admin = Api.tokenFor("admin");
        JsonObject first =
                page(admin, Api.target("api/orders").queryParam("per_page", 1).queryParam("sort", "total"));
        String cursor = first.getJsonObject("pagination").getString("next_cursor");
        assertNotNull(cursor);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        java.util.function.Function<String, String> encoded =
                text -> b64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        List<String> garbage = List.of(
                "garbage",
                "!!!",
                "x".repeat(5000),
                encoded.apply("not json"),
                encoded.apply("[1,2]"),
                encoded.apply(
                        object("s", "total", "k", array("1e600000000", "1")).toString()),
                encoded.apply(object("s", "total", "k", array("12.50", "x")).toString()),
                encoded.apply(object("s", "total", "k", array("12.50")).toString()),
                encoded.apply(object("s", "-order_date", "k", array("+999999999-12-31T00:00:00Z", "1"))
                        .toString()),
                encoded.apply(object("s", "status", "k", array("LOST", "1")).toString()),
                encoded.apply(object("s", "password", "k", array("1")).toString()),
                cursor.substring(0, cursor.length() - 3));
        for (String after : garbage) {
            try (Response r = as(admin, "api/orders", "after", after).get()) {
                JsonObject p = assertProblem(r, 400, "INVALID_PARAMETER");
                assertTrue(
                        List.of("after", "sort")
                                .contains(p.getJsonArray("errors")
                                        .getJsonObject(0)
                                        .getString("field")),
                        p.toString());
            }
        }
        for (WebTarget bad : List.of(
                Api.target("api/orders").queryParam("after", cursor).queryParam("sort", "-total"),
                Api.target("api/orders").queryParam("after", cursor).queryParam("page", "2"),
                Api.target("api/products").queryParam("after", cursor),
                Api.target("api/audit-logs").queryParam("after", cursor).queryParam("sort", "actor"))) {
            assertRefused(
                    bad.request().header("Authorization", "Bearer " + admin).get(), 400, "INVALID_PARAMETER");
        }
        try (Response r = as(admin, "api/orders", "after", cursor).get()) {
            assertEquals(200, r.getStatus(), "the cursor alone carries its sort");
        }
    }
}
