package it.io.factoryops;

import static it.io.factoryops.support.Api.action;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.created;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.EventFeed.has;
import static it.io.factoryops.support.EventFeed.of;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.EventFeed;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The event feed: an event for each kind of change, in CloudEvents 1.0 JSON with the resource as the API answers it;
 * none for a change that rolled back; no gaps while events are written concurrently; who may read which events.
 */
class EventIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final String admin = Api.tokenFor("admin");
    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");

    @Test
    void everyKindOfChangeWritesItsEvent() {
        EventFeed feed = EventFeed.fromNow(admin);
        long customer = Fixtures.customer();
        // products: created, changed, stock low and out (reorder level 5: 6 units, then 2 taken, then 4)
        long product = Fixtures.product("10.00", 6, 5, "General");
        JsonObject view = Fixtures.productView(product);
        try (Response r = as(admin, "api/products/" + product)
                .put(json(object(
                        "sku",
                        view.getString("sku"),
                        "name",
                        "Renamed " + view.getString("sku"),
                        "price",
                        new BigDecimal("11.00"),
                        "reorder_level",
                        5,
                        "category",
                        "General")))) {
            assertEquals(200, r.getStatus());
        }
        long shipped = id(created(user, "api/orders", orderBody(customer, product, 2)));
        long cancelled = id(created(user, "api/orders", orderBody(customer, product, 4)));
        action(admin, "api/orders/" + shipped + "/ship");
        action(admin, "api/orders/" + shipped + "/complete");
        action(admin, "api/orders/" + cancelled + "/cancel");
        // parts: created, changed; a purchase order submitted, approved, received; another rejected
        long part = Fixtures.part(0);
        try (Response r = as(manager, "api/inventory/items/" + part)
                .put(json(object(
                        "sku", Fixtures.partSku(part), "name", "Changed part", "unit_cost", new BigDecimal("2.00"))))) {
            assertEquals(200, r.getStatus());
        }
        long supplier = Fixtures.supplier();
        long po = id(created(manager, "api/purchase-orders", purchaseOrder(supplier, part)));
        action(manager, "api/purchase-orders/" + po + "/submit");
        decide(admin, po, "approve", null);
        action(manager, "api/purchase-orders/" + po + "/deliver");
        long rejected = id(created(manager, "api/purchase-orders", purchaseOrder(supplier, part)));
        action(manager, "api/purchase-orders/" + rejected + "/submit");
        decide(admin, rejected, "reject", object("reason", "Too dear"));
        // a ticket opened, assigned, completed
        long ticket = id(created(
                manager, "api/service-tickets", object("customer_id", customer, "description", "Brakes squeal")));
        JsonObject mechanic = Fixtures.mechanic();
        try (Response r = as(manager, "api/service-tickets/" + ticket + "/edit")
                .put(json(object("add_mechanic_ids", array(id(mechanic)))))) {
            assertEquals(200, r.getStatus());
        }
        action(manager, "api/service-tickets/" + ticket + "/start");
        action(manager, "api/service-tickets/" + ticket + "/complete");
        // production recorded
        long record = id(created(
                manager,
                "api/production",
                object("employee_id", Fixtures.employee(), "product_id", product, "quantity", 3)));

        List<String[]> expected = List.of(
                new String[] {"product.created", "" + product},
                new String[] {"product.changed", "" + product},
                new String[] {"order.placed", "" + shipped},
                new String[] {"order.shipped", "" + shipped},
                new String[] {"order.completed", "" + shipped},
                new String[] {"order.cancelled", "" + cancelled},
                new String[] {"stock.low", "" + product},
                new String[] {"stock.out", "" + product},
                new String[] {"part.created", "" + part},
                new String[] {"part.changed", "" + part},
                new String[] {"purchase_order.submitted", "" + po},
                new String[] {"purchase_order.approved", "" + po},
                new String[] {"purchase_order.received", "" + po},
                new String[] {"purchase_order.rejected", "" + rejected},
                new String[] {"ticket.opened", "" + ticket},
                new String[] {"ticket.assigned", "" + ticket},
                new String[] {"ticket.completed", "" + ticket},
                new String[] {"production.recorded", "" + record});
        List<JsonObject> events =
                feed.until(read -> expected.stream().allMatch(e -> has(read, e[0], Long.parseLong(e[1]))), WAIT);

        // CloudEvents 1.0, the data as the API answers the resource
        JsonObject placed = of(events, "order.placed", shipped);
        assertEquals("1.0", placed.getString("specversion"));
        assertEquals("/api/orders", placed.getString("source"));
        assertEquals("application/json", placed.getString("datacontenttype"));
        assertTrue(placed.getString("id").matches("[0-9a-f-]{36}"), placed.toString());
        assertTrue(Instant.parse(placed.getString("time")).isAfter(Instant.now().minusSeconds(120)));
        JsonObject order = placed.getJsonObject("data");
        assertEquals(shipped, id(order));
        assertEquals("placed", order.getString("status"));
        assertEquals(
                customer, order.getJsonObject("customer").getJsonNumber("id").longValue());
        assertEquals(
                "completed",
                of(events, "order.completed", shipped).getJsonObject("data").getString("status"));
        assertEquals("/api/inventory/items", of(events, "part.created", part).getString("source"));
        assertEquals(
                "received",
                of(events, "purchase_order.received", po).getJsonObject("data").getString("status"));
        assertEquals(0, of(events, "stock.out", product).getJsonObject("data").getInt("stock_quantity"));
        // one alert per crossing: one stock.low for the product, though two orders took it below
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.getString("type").equals("stock.low")
                                && e.getString("subject").equals("" + product))
                        .count());
        // event ids are unique
        assertEquals(
                events.size(),
                events.stream().map(e -> e.getString("id")).distinct().count());
    }

    @Test
    void aRefusedOrderWritesNoEvent() {
        EventFeed feed = EventFeed.fromNow(admin);
        long customer = Fixtures.customer();
        long product = Fixtures.product("3.00", 2);
        try (Response r = as(user, "api/orders").post(json(orderBody(customer, product, 5)))) {
            assertRefused(r, 409, "INSUFFICIENT_STOCK");
        }
        long marker = id(created(user, "api/orders", orderBody(customer, product, 1)));
        List<JsonObject> events = feed.until(read -> has(read, "order.placed", marker), WAIT);
        long placedForProduct = events.stream()
                .filter(e -> e.getString("type").equals("order.placed"))
                .filter(e -> e.getJsonObject("data").getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                        .anyMatch(l -> l.getJsonNumber("product_id").longValue() == product))
                .count();
        assertEquals(1, placedForProduct, "only the order that committed has an event");
    }

    @Test
    void theFeedHasNoGapsWhileOrdersArePlacedConcurrently() throws Exception {
        EventFeed feed = EventFeed.fromNow(admin);
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 10_000);
        int writers = 6;
        int perWriter = 8;
        Set<Long> placed = Collections.synchronizedSet(new LinkedHashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        placed.add(id(created(user, "api/orders", orderBody(customer, product, 1))));
                    }
                    return null;
                }));
            }
            // a reader pages in small pages while the orders are placed, and on until it has read them all: an
            // event it paged past before it was visible would never come, and this would time out
            List<Long> seen = new ArrayList<>();
            long end = System.nanoTime() + WAIT.toNanos();
            while (seen.size() < writers * perWriter && System.nanoTime() < end) {
                int before = feed.events().size();
                boolean more = feed.page(7, "order.placed");
                for (JsonObject e : feed.events().subList(before, feed.events().size())) {
                    if (e.getJsonObject("data")
                                    .getJsonObject("customer")
                                    .getJsonNumber("id")
                                    .longValue()
                            == customer) {
                        seen.add(Long.parseLong(e.getString("subject")));
                    }
                }
                if (!more) {
                    Thread.sleep(20);
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertEquals(writers * perWriter, placed.size());
            assertEquals(placed, new LinkedHashSet<>(seen), "every order placed was read");
            assertEquals(seen.size(), new LinkedHashSet<>(seen).size(), "and read once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whoMayReadWhichEvents() {
        // the feed needs events:read (managers and above)
        assertRefused(as(user, "api/events").get(), 403, "FORBIDDEN");
        try (Response r = Api.anonymous("api/events").get()) {
            assertEquals(401, r.getStatus());
        }
        // a manager reads the feed, but no order's events (reading every order is admin's)
        try (Response r =
                as(manager, "api/events", "type", "order.placed", "limit", 100).get()) {
            assertEquals(200, r.getStatus());
            assertEquals(0, body(r).getJsonArray("data").size());
        }
        // an admin reads them; the cursor of the last page lets a reader poll on from the end
        EventFeed adminFeed = EventFeed.fromNow(admin);
        assertFalse(adminFeed.cursor() == null);
        long order = id(created(user, "api/orders", orderBody(Fixtures.customer(), Fixtures.product("2.00", 5), 1)));
        adminFeed.until(read -> has(read, "order.placed", order), WAIT);
        // bad input
        assertRefused(as(manager, "api/events", "after", "not-a-cursor").get(), 400, "INVALID_PARAMETER");
        assertRefused(as(manager, "api/events", "type", "order.exploded").get(), 400, "INVALID_PARAMETER");
        assertRefused(as(manager, "api/events", "limit", 0).get(), 400, "INVALID_PARAMETER");
        assertRefused(as(manager, "api/events", "limit", 101).get(), 400, "INVALID_PARAMETER");
        assertRefused(as(manager, "api/events", "after", "x".repeat(100)).get(), 400, "INVALID_PARAMETER");
    }

    /**
     * What writing its event costs an order: the server times the event's JSON and INSERT alone (the metric
     * events_publish_seconds), compared here with the whole POST /api/orders as the client sees it.
     */
    @Test
    void theCostOfAnOrdersEventIsMeasured() {
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 10_000);
        created(user, "api/orders", orderBody(customer, product, 1)); // warm
        double[] before = publishMetric();
        int n = 100;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            created(user, "api/orders", orderBody(customer, product, 1));
        }
        double orderMillis = (System.nanoTime() - start) / 1e6 / n;
        double[] after = publishMetric();
        double events = after[0] - before[0];
        double eventMillis = (after[1] - before[1]) * 1000 / events;
        System.out.printf(
                "EventIT: %d orders, mean POST /api/orders %.2f ms; mean event write (JSON + INSERT) %.3f ms over %.0f"
                        + " events (%.1f %% of an order)%n",
                n, orderMillis, eventMillis, events, 100 * eventMillis / orderMillis);
        assertTrue(events >= n, "one event per order at least: " + events);
        assertTrue(eventMillis < 50, "an event write takes " + eventMillis + " ms");
    }

    /** events_publish_seconds: count and sum, from /metrics. */
    private static double[] publishMetric() {
        try (Response r =
                Api.anonymous("metrics").header("Accept", "text/plain").get()) {
            assertEquals(200, r.getStatus());
            double count = 0;
            double sum = 0;
            for (String line : r.readEntity(String.class).split("\n")) {
                if (line.startsWith("events_publish_seconds_count")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("events_publish_seconds_sum")) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new double[] {count, sum};
        }
    }

    private static void decide(String token, long po, String verb, JsonObject body) {
        String etag;
        try (Response r = as(token, "api/purchase-orders/" + po).get()) {
            etag = r.getHeaderString("ETag");
        }
        try (Response r = as(token, "api/purchase-orders/" + po + "/" + verb)
                .header("If-Match", etag)
                .post(body == null ? null : json(body))) {
            String text = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), () -> verb + ": " + text);
        }
    }

    private static JsonObject purchaseOrder(long supplier, long part) {
        return object(
                "supplier_id",
                supplier,
                "expected_date",
                "2026-12-31",
                "lines",
                array(object("item_id", part, "quantity", 3, "unit_cost", new BigDecimal("2.00"))));
    }
}
