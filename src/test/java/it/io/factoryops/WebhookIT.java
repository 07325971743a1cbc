package it.io.factoryops;

import static it.io.factoryops.support.Api.action;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.created;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.WebhookReceiver.verifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.WebhookReceiver;
import it.io.factoryops.support.WebhookReceiver.Received;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against real receivers (the JDK's HTTP server in the test, verifying signatures with its own
 * HMAC-SHA256): signed deliveries of every kind of event, at least once with the same id after a failure, redelivery,
 * secret rotation with two signatures, a hanging receiver that slows neither the API nor other subscriptions and is
 * disabled in the end, SSRF refusals and who may manage subscriptions. The test server allows 127.0.0.1 over plain
 * HTTP, cuts a call after 1.5 s, retries after 1-2 s and disables a subscription failing for 6 s (jvm.options).
 */
class WebhookIT {

    /** One event type of each kind of change: orders, stock, purchase orders, tickets, production, the catalogue. */
    private static final List<String> EVERY_KIND = List.of(
            "order.placed",
            "order.shipped",
            "stock.low",
            "purchase_order.submitted",
            "ticket.opened",
            "production.recorded",
            "product.created",
            "part.created");

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String admin = Api.tokenFor("admin");
    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");

    @Test
    void signedDeliveriesOfEveryKindOfEvent() {
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            JsonObject subscribed = subscribe(receiver.url(), EVERY_KIND.toArray(String[]::new));
            String secret = subscribed.getString("secret");
            long webhook = id(subscribed.getJsonObject("webhook"));
            try {
                long customer = Fixtures.customer();
                long product = Fixtures.product("4.00", 6, 5, "General");
                long order = id(created(user, "api/orders", orderBody(customer, product, 2)));
                action(admin, "api/orders/" + order + "/ship");
                long part = Fixtures.part(0);
                JsonObject po = created(
                        manager,
                        "api/purchase-orders",
                        object(
                                "supplier_id",
                                Fixtures.supplier(),
                                "expected_date",
                                "2026-12-31",
                                "lines",
                                array(object("item_id", part, "quantity", 1, "unit_cost", new BigDecimal("1.00")))));
                action(manager, "api/purchase-orders/" + id(po) + "/submit");
                created(manager, "api/service-tickets", object("customer_id", customer, "description", "Noise"));
                created(
                        manager,
                        "api/production",
                        object("employee_id", Fixtures.employee(), "product_id", product, "quantity", 1));
                Set<String> expected = Set.copyOf(EVERY_KIND);
                assertTrue(
                        receiver.await(r -> types(r).containsAll(expected), WAIT),
                        () -> "received " + types(receiver.received()));
                for (Received r : receiver.received()) {
                    assertTrue(verifies(r, secret), () -> "signature of " + r);
                    assertEquals("application/json", r.contentType());
                    JsonObject event = r.json();
                    assertEquals(r.id(), event.getString("id"), "webhook-id is the event's id");
                    assertEquals("1.0", event.getString("specversion"));
                    assertFalse(
                            verifies(r, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
                }
                Received placed = receiver.received().stream()
                        .filter(r -> r.json().getString("type").equals("order.placed")
                                && r.json().getString("subject").equals("" + order))
                        .findFirst()
                        .orElseThrow();
                assertEquals("placed", placed.json().getJsonObject("data").getString("status"));
                // the delivery log
                List<JsonObject> log = deliveries(webhook);
                assertTrue(log.size() >= expected.size());
                JsonObject newest = log.get(0);
                assertTrue(log.stream()
                        .anyMatch(d -> d.getString("status").equals("delivered")
                                && d.getInt("response_status") == 200
                                && d.containsKey("latency_ms")
                                && d.getInt("attempts") == 1));
                assertTrue(newest.getJsonNumber("id").longValue()
                        >= log.get(log.size() - 1).getJsonNumber("id").longValue());
            } finally {
                unsubscribe(webhook);
            }
        }
    }

    @Test
    void aReceiverThatFailsGetsTheSameEventAgainAndARedeliveryToo() {
        try (WebhookReceiver receiver = WebhookReceiver.answering((id, attempt) -> attempt == 1 ? 500 : 200)) {
            JsonObject subscribed = subscribe(receiver.url(), "order.placed");
            String secret = subscribed.getString("secret");
            long webhook = id(subscribed.getJsonObject("webhook"));
            try {
                long order =
                        id(created(user, "api/orders", orderBody(Fixtures.customer(), Fixtures.product("1.00", 5), 1)));
                assertTrue(receiver.await(r -> ofOrder(r, order).size() >= 2, WAIT), "retried after a 500");
                List<Received> twice = ofOrder(receiver.received(), order);
                assertEquals(twice.get(0).id(), twice.get(1).id(), "the same webhook-id: receivers de-duplicate");
                assertTrue(verifies(twice.get(0), secret) && verifies(twice.get(1), secret));
                JsonObject delivery = awaitDelivery(webhook, twice.get(0).id(), "delivered");
                assertEquals(2, delivery.getInt("attempts"));
                assertEquals(200, delivery.getInt("response_status"));
                // an admin sends it again: the same id once more
                try (Response r = as(admin, "api/webhooks/" + webhook + "/deliveries/" + id(delivery) + "/redeliver")
                        .post(null)) {
                    assertEquals(200, r.getStatus());
                    assertEquals("pending", body(r).getString("status"));
                }
                assertTrue(receiver.await(r -> ofOrder(r, order).size() >= 3, WAIT), "redelivered");
                assertEquals(
                        twice.get(0).id(),
                        ofOrder(receiver.received(), order).get(2).id());
                assertRefused(
                        as(admin, "api/webhooks/" + webhook + "/deliveries/999999999/redeliver")
                                .post(null),
                        404,
                        "NOT_FOUND");
            } finally {
                unsubscribe(webhook);
            }
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneDuringItsOverlap() {
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            JsonObject subscribed = subscribe(receiver.url(), "product.created");
            String first = subscribed.getString("secret");
            long webhook = id(subscribed.getJsonObject("webhook"));
            try {
                JsonObject rotated = rotate(webhook, 10);
                String second = rotated.getString("secret");
                assertTrue(rotated.getJsonObject("webhook").containsKey("previous_secret_valid_until"));
                long product = Fixtures.product("1.00", 0);
                assertTrue(receiver.await(r -> ofSubject(r, product).size() == 1, WAIT));
                Received during = ofSubject(receiver.received(), product).get(0);
                assertEquals(2, during.signature().split(" ").length, during.signature());
                assertTrue(verifies(during, first) && verifies(during, second));
                String third = rotate(webhook, 0).getString("secret");
                long next = Fixtures.product("1.00", 0);
                assertTrue(receiver.await(r -> ofSubject(r, next).size() == 1, WAIT));
                Received after = ofSubject(receiver.received(), next).get(0);
                assertEquals(1, after.signature().split(" ").length);
                assertTrue(verifies(after, third));
                assertFalse(verifies(after, second));
            } finally {
                unsubscribe(webhook);
            }
        }
    }

    /**
     * p99 of POST /api/orders without and with a receiver that hangs (the call is cut after 1.5 s): the requests do
     * not wait for it, nor does another subscription's receiver; the hanging one is disabled after 6 s of failures
     * and its owner notified.
     */
    @Test
    void aHangingReceiverSlowsNeitherTheApiNorOtherSubscriptions() {
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 10_000);
        int n = 60;
        created(user, "api/orders", orderBody(customer, product, 1)); // warm
        long[] without = timeOrders(n, customer, product);
        try (WebhookReceiver hanging = WebhookReceiver.answering((id, attempt) -> -10_000);
                WebhookReceiver healthy = WebhookReceiver.ok()) {
            long hangingHook = id(subscribe(hanging.url(), "order.placed").getJsonObject("webhook"));
            long healthyHook = id(subscribe(healthy.url(), "order.placed").getJsonObject("webhook"));
            try {
                List<Long> orders = Collections.synchronizedList(new ArrayList<>());
                Map<Long, java.time.Instant> placedAt = new java.util.HashMap<>();
                long[] with = timeOrders(n, customer, product, orders, placedAt);
                long p99Without = p99(without);
                long p99With = p99(with);
                System.out.printf(
                        "WebhookIT: POST /api/orders p50/p99 without a hanging receiver %d/%d ms, with one %d/%d ms%n",
                        p50(without), p99Without, p50(with), p99With);
                assertTrue(
                        p99With < Math.max(3 * p99Without, p99Without + 1000), // a held thread would add 1.5 s
                        "p99 " + p99With + " ms with a hanging receiver, " + p99Without + " ms without");
                // the healthy receiver gets every order while the other one hangs
                assertTrue(
                        healthy.await(
                                r -> orders.stream()
                                        .allMatch(o -> !ofOrder(r, o).isEmpty()),
                                Duration.ofSeconds(10)),
                        "the healthy subscription is not held up");
                // how long after its order's answer each event reached the healthy receiver
                Map<String, java.time.Instant> arrived = new java.util.HashMap<>();
                for (Received r : healthy.received()) {
                    arrived.putIfAbsent(r.json().getString("subject"), r.at());
                }
                long[] lags = orders.stream()
                        .mapToLong(o -> Math.max(
                                0,
                                Duration.between(placedAt.get(o), arrived.get("" + o))
                                        .toMillis()))
                        .toArray();
                System.out.printf(
                        "WebhookIT: delivery lag to the healthy receiver while the other hangs: p50 %d ms, max %d ms%n",
                        p50(lags), percentile(lags, 1.0));
                assertTrue(hanging.received().size() >= 1, "the hanging receiver was called");
                // failing for 6 s: disabled, its owner told
                assertTrue(awaitInactive(hangingHook, Duration.ofSeconds(25)), "disabled after failing");
                JsonObject disabled = read(hangingHook);
                assertTrue(disabled.getString("disabled_reason").contains("failed"), disabled.toString());
                try (Response r = as(admin, "api/notifications", "type", "WEBHOOK_DISABLED", "per_page", 100)
                        .get()) {
                    assertEquals(200, r.getStatus());
                    assertTrue(body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                            .anyMatch(x -> x.getString("title").contains("" + hangingHook)));
                }
                assertTrue(read(healthyHook).getBoolean("active"));
                List<JsonObject> log = deliveries(hangingHook);
                assertTrue(
                        log.stream().anyMatch(d -> d.getString("last_error", "").contains("Timeout")), log.toString());
            } finally {
                unsubscribe(hangingHook);
                unsubscribe(healthyHook);
            }
        }
    }

    @Test
    void urlsThatReachThePlantNetworkAreRefused() {
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/",
                "https://10.0.0.1/hook",
                "https://192.168.1.10/hook",
                "https://localhost/hook",
                "https://[::1]/hook",
                "https://0.0.0.0/hook",
                "http://127.0.0.2/hook",
                "https://user:pw@127.0.0.1/hook",
                "ftp://127.0.0.1/hook",
                "not a url")) {
            try (Response r =
                    as(admin, "api/webhooks").post(json(object("url", url, "event_types", array("order.placed"))))) {
                JsonObject problem = Api.assertProblem(r, 400, "WEBHOOK_URL_REFUSED");
                assertEquals(
                        "url", problem.getJsonArray("errors").getJsonObject(0).getString("field"), url);
            }
        }
    }

    @Test
    void onlyAdminsManageSubscriptionsAndBadInputIsRefused() {
        JsonObject body = object("url", "http://127.0.0.1:9/hook", "event_types", array("order.placed"));
        assertRefused(as(manager, "api/webhooks").post(json(body)), 403, "FORBIDDEN");
        assertRefused(as(manager, "api/webhooks").get(), 403, "FORBIDDEN");
        assertRefused(as(user, "api/webhooks").get(), 403, "FORBIDDEN");
        try (Response r = Api.anonymous("api/webhooks").get()) {
            assertEquals(401, r.getStatus());
        }
        assertRefused(
                as(admin, "api/webhooks").post(json(object("url", "http://127.0.0.1:9/", "event_types", array()))),
                400,
                "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/webhooks")
                        .post(json(object("url", "http://127.0.0.1:9/", "event_types", array("order.exploded")))),
                400,
                "VALIDATION_FAILED");
        assertRefused(as(admin, "api/webhooks/999999999").get(), 404, "NOT_FOUND");
        // a subscription is listed, read, changed (If-Match), and deleted; its secret never shown again
        JsonObject subscribed = subscribe("http://127.0.0.1:9/hook", "order.placed");
        long webhook = id(subscribed.getJsonObject("webhook"));
        try {
            JsonObject read = read(webhook);
            assertFalse(read.containsKey("secret"));
            try (Response r = as(admin, "api/webhooks/" + webhook)
                    .header("If-Match", "\"999\"")
                    .put(json(object("url", "http://127.0.0.1:9/x", "event_types", array("order.shipped"))))) {
                Api.assertProblem(r, 412, "VERSION_CONFLICT");
            }
            try (Response r = as(admin, "api/webhooks/" + webhook)
                    .put(json(object(
                            "url", "http://127.0.0.1:9/x", "event_types", array("order.shipped"), "active", false)))) {
                assertEquals(200, r.getStatus());
                JsonObject changed = body(r);
                assertEquals(
                        "order.shipped", changed.getJsonArray("event_types").getString(0));
                assertFalse(changed.getBoolean("active"));
            }
            try (Response r = as(admin, "api/webhooks", "per_page", 100).get()) {
                assertEquals(200, r.getStatus());
                assertTrue(body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                        .anyMatch(w -> id(w) == webhook));
            }
        } finally {
            unsubscribe(webhook);
        }
        assertRefused(as(admin, "api/webhooks/" + webhook).get(), 404, "NOT_FOUND");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The answer of a subscription: {@code webhook} and its {@code secret}, shown this once. */
    private JsonObject subscribe(String url, String... types) {
        try (Response r = as(admin, "api/webhooks").post(json(object("url", url, "event_types", List.of(types))))) {
            assertEquals(201, r.getStatus(), () -> "subscribing " + url);
            return body(r);
        }
    }

    private void unsubscribe(long webhook) {
        try (Response r = as(admin, "api/webhooks/" + webhook).delete()) {
            assertTrue(r.getStatus() == 204 || r.getStatus() == 404, "deleting webhook " + webhook);
        }
    }

    private JsonObject rotate(long webhook, int overlapMinutes) {
        try (Response r = as(admin, "api/webhooks/" + webhook + "/rotate-secret")
                .post(json(object("overlap_minutes", overlapMinutes)))) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    private JsonObject read(long webhook) {
        return Api.read(admin, "api/webhooks/" + webhook);
    }

    private List<JsonObject> deliveries(long webhook) {
        try (Response r = as(admin, "api/webhooks/" + webhook + "/deliveries", "per_page", 100)
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class);
        }
    }

    private JsonObject awaitDelivery(long webhook, String eventId, String status) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject found = deliveries(webhook).stream()
                    .filter(d -> d.getString("event_id").equals(eventId)
                            && d.getString("status").equals(status))
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            assertTrue(System.nanoTime() < end, "delivery " + eventId + " not " + status);
            sleep(100);
        }
    }

    private boolean awaitInactive(long webhook, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!read(webhook).getBoolean("active")) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    private long[] timeOrders(int n, long customer, long product) {
        return timeOrders(n, customer, product, new ArrayList<>(), new java.util.HashMap<>());
    }

    private long[] timeOrders(
            int n, long customer, long product, List<Long> ids, Map<Long, java.time.Instant> placedAt) {
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            long order = id(created(user, "api/orders", orderBody(customer, product, 1)));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            ids.add(order);
            placedAt.put(order, java.time.Instant.now());
        }
        return millis;
    }

    private static long p99(long[] millis) {
        return percentile(millis, 0.99);
    }

    private static long p50(long[] millis) {
        return percentile(millis, 0.50);
    }

    private static long percentile(long[] millis, double p) {
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Set<String> types(List<Received> received) {
        return received.stream().map(r -> r.json().getString("type")).collect(Collectors.toSet());
    }

    private static List<Received> ofOrder(List<Received> received, long order) {
        return received.stream()
                .filter(r -> r.json().getString("type").equals("order.placed")
                        && r.json().getString("subject").equals("" + order))
                .toList();
    }

    private static List<Received> ofSubject(List<Received> received, long subject) {
        return received.stream()
                .filter(r -> r.json().getString("subject").equals("" + subject))
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
