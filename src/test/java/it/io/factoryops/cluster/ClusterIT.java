package it.io.factoryops.cluster;

import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.assertStock;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.Fixtures.stockOf;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.Tokens;
import it.io.factoryops.support.WebhookReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Liberty servers over one MySQL/MariaDB database (-Pcluster), proven through both with the JAX-RS client.
 * The nodes start together on the empty database; the tests run in order, because the last one stops a node.
 * Fixtures and {@link Api} talk to node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ClusterNode A = ClusterNode.a();
    private static final ClusterNode B = ClusterNode.b();
    /** Flyway's versions in their order ("1" < "2" < "10"). */
    static final Comparator<String> VERSION_ORDER = Comparator.comparing(BigDecimal::new);

    private static final Pattern MIGRATED = Pattern.compile("Database schema at version (\\S+) \\((\\d+) migration");

    /** Each node's refresh count over the window of {@link #theAnalyticsRefreshRunsOncePerIntervalAcrossBothNodes}. */
    private static long refreshesOnA;

    private static long refreshesOnB;

    @BeforeAll
    static void startBothNodesTogether() throws Exception {
        Concurrently.run(2, i -> {
            (i == 0 ? A : B).start();
            return null;
        });
    }

    @AfterAll
    static void stopBothNodes() throws Exception {
        for (ClusterNode node : List.of(A, B)) {
            if (node.running()) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void flywayMigratesOnceWhenBothNodesStartTogether() throws Exception {
        List<String> versions =
                query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertFalse(versions.isEmpty(), "no migration history");
        assertEquals(versions.size(), Set.copyOf(versions).size(), "each migration once: " + versions);
        assertEquals(List.of("0"), query("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE"));
        // between them the nodes applied each script once (Flyway takes its lock for each script, so nodes
        // that start together may share the work), in version order
        int applied = 0;
        for (ClusterNode node : List.of(A, B)) {
            Matcher m = MIGRATED.matcher(node.logText());
            assertTrue(m.find(), node + " logged no schema version");
            assertEquals(versions.get(versions.size() - 1), m.group(1), node + "'s schema version");
            applied += Integer.parseInt(m.group(2));
            assertEquals(List.of(), node.errors(), node + " logged errors");
        }
        assertEquals(
                versions.size(), applied, "scripts applied by both nodes (the cluster tests need an empty database)");
        assertEquals(versions.stream().sorted(VERSION_ORDER).toList(), versions, "applied in version order");
    }

    @Test
    @Order(2)
    void aTokenIssuedByOneNodeIsAcceptedByTheOther() {
        String fromA = A.token(Api.ADMIN, Api.ADMIN_PASSWORD);
        String fromB = B.token(Api.ADMIN, Api.ADMIN_PASSWORD);
        String mounted = Tokens.keyId(
                Path.of(System.getProperty("cluster.keystore")), System.getProperty("cluster.keystore.password"));
        assertEquals(mounted, Tokens.header(fromA).getString("kid"), "node A signs with the mounted key");
        assertEquals(mounted, Tokens.header(fromB).getString("kid"), "node B signs with the mounted key");
        for (ClusterNode node : List.of(A, B)) {
            assertTrue(
                    node.logText()
                            .contains("Access tokens are signed with the key 'default' of "
                                    + System.getProperty("cluster.keystore")),
                    node + " names the mounted keystore");
            assertFalse(node.logText().contains("A cluster must mount"), node + " warns of a generated key");
        }
        for (ClusterNode node : List.of(A, B)) {
            for (String token : List.of(fromA, fromB)) {
                try (Response r = node.as(token, "api/auth/me").get()) {
                    assertEquals(200, r.getStatus(), () -> node + " refused a token");
                    assertEquals(Api.ADMIN, body(r).getString("username"));
                }
            }
        }
        String forged = Tokens.withClaims(fromA, Map.<String, JsonValue>of(), Tokens.otherKey());
        try (Response r = B.as(forged, "api/auth/me").get()) {
            assertEquals(401, r.getStatus(), "a token signed with another key");
        }
    }

    /**
     * With the signing keystore mounted (FACTORY_KEYSTORE_FILE) and HTTPS on Liberty's generated certificate, each
     * node serves HTTPS with a key of its own, not the signing key: whoever holds the TLS key cannot mint tokens.
     */
    @Test
    @Order(2)
    void eachNodeServesHttpsWithAKeyThatDoesNotVerifyTheTokens() throws Exception {
        String token = A.token(Api.ADMIN, Api.ADMIN_PASSWORD);
        java.security.PublicKey signing = Tokens.keystore(
                        Path.of(System.getProperty("cluster.keystore")),
                        System.getProperty("cluster.keystore.password"))
                .getCertificate("default")
                .getPublicKey();
        assertTrue(Tokens.verifies(token, signing), "the token verifies with the mounted signing key");
        for (ClusterNode node : List.of(A, B)) {
            java.security.cert.X509Certificate served = node.servedCertificate();
            assertFalse(
                    Tokens.verifies(token, served.getPublicKey()),
                    node + " serves HTTPS with the key that signs the tokens");
        }
    }

    /** What deploy/ sets: /metrics answers only the monitoring account over HTTPS; /openapi describes no operation. */
    @Test
    @Order(2)
    void metricsNeedTheMonitoringAccountAndOpenApiIsOff() {
        for (ClusterNode node : List.of(A, B)) {
            try (Response r = node.metrics(null)) {
                assertEquals(401, r.getStatus(), node + ": anonymous /metrics");
            }
            try (Response r = node.metrics(ClusterNode.METRICS_USER + ":wrong-password")) {
                assertEquals(401, r.getStatus(), node + ": /metrics with a wrong password");
            }
            try (Response r = node.metrics(ClusterNode.METRICS_USER + ":" + ClusterNode.METRICS_PASSWORD)) {
                assertEquals(200, r.getStatus(), node + ": /metrics of the monitoring account");
                assertTrue(r.readEntity(String.class).contains("analytics_refresh_duration_seconds"));
            }
            try (Response r = node.anonymous("metrics").get()) {
                assertTrue(
                        r.getStatus() == 302 || r.getStatus() == 401 || r.getStatus() == 403,
                        node + ": /metrics over plain HTTP answered " + r.getStatus());
                if (r.getStatus() == 302) {
                    assertTrue(r.getLocation().toString().startsWith("https://"), "redirected to HTTPS");
                }
            }
            try (Response r = node.anonymous("openapi")
                    .header("Accept", "application/json")
                    .get()) {
                String document = r.readEntity(String.class);
                assertEquals(200, r.getStatus());
                assertFalse(document.contains("/api/"), node + ": /openapi describes the API: " + document);
            }
            // the monitoring account is no account of the API
            try (Response r = node.anonymous("api/auth/me")
                    .header(
                            "Authorization",
                            "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(
                                                    (ClusterNode.METRICS_USER + ":" + ClusterNode.METRICS_PASSWORD)
                                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .get()) {
                assertEquals(401, r.getStatus(), node + ": /api with the monitoring account");
            }
        }
    }

    @Test
    @Order(3)
    void aLogoutOnOneNodeIsHonouredOnTheOtherWithinTheTokenCheckCache() throws Exception {
        String username = Api.createUser("user");
        JsonObject login = A.login(username, Api.PASSWORD);
        String token = login.getString("access_token");
        try (Response r = B.as(token, "api/auth/me").get()) {
            assertEquals(200, r.getStatus()); // B now remembers the token as good
        }
        try (Response r = A.as(token, "api/auth/logout")
                .post(json("{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"))) {
            assertEquals(204, r.getStatus());
        }
        long loggedOut = System.nanoTime();
        try (Response r = A.as(token, "api/auth/me").get()) {
            assertProblem(r, 401, "TOKEN_REVOKED"); // at once on the node that logged out
        }
        long limit = TimeUnit.SECONDS.toNanos(ClusterNode.TOKEN_CHECK_CACHE_SECONDS + 2);
        while (true) {
            try (Response r = B.as(token, "api/auth/me").get()) {
                if (r.getStatus() == 401) {
                    assertProblem(r, 401, "TOKEN_REVOKED");
                    break;
                }
                assertEquals(200, r.getStatus());
            }
            assertTrue(
                    System.nanoTime() - loggedOut < limit,
                    "node B still accepts the token after " + (ClusterNode.TOKEN_CHECK_CACHE_SECONDS + 2) + " s");
            Thread.sleep(100);
        }
        System.out.printf(
                "ClusterIT: logout on A honoured on B after %d ms (cache %d s)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loggedOut), ClusterNode.TOKEN_CHECK_CACHE_SECONDS);
    }

    @Test
    @Order(4)
    void fiftyConcurrentOrdersOverBothNodesForTwentyUnitsNeverOversell() throws Exception {
        String user = Api.tokenFor("user");
        long product = Fixtures.product("5.00", 20);
        JsonObject body = orderBody(Fixtures.customer(), product, 1);
        Concurrently.assertNeverOversold(
                50, 20, 201, i -> (i % 2 == 0 ? A : B).as(user, "api/orders").post(json(body)));
        assertStock(product, 0);
    }

    @Test
    @Order(5)
    void theSameIdempotencyKeySentToBothNodesAtOncePlacesOneOrder() throws Exception {
        String user = Api.tokenFor("user");
        long customer = Fixtures.customer();
        long product = Fixtures.product("3.00", 100);
        String key = "cluster-" + Api.RUN + "-" + System.nanoTime();
        JsonObject body = orderBody(customer, product, 5);
        List<String> ids = Concurrently.run(10, i -> {
            try (Response r = (i % 2 == 0 ? A : B)
                    .as(user, "api/orders")
                    .header("Idempotency-Key", key)
                    .post(json(body))) {
                assertEquals(201, r.getStatus());
                return body(r).getJsonNumber("id").toString();
            }
        });
        assertEquals(1, Set.copyOf(ids).size(), ids.toString());
        assertEquals(95, stockOf(product));
        assertEquals(List.of("1"), query("SELECT COUNT(*) FROM orders WHERE customer_id = " + customer));
    }

    /**
     * Both nodes send webhooks (every node claims due deliveries, with a lease): orders placed through both nodes
     * reach the receiver each exactly once, signed, with the event's id as webhook-id.
     */
    @Test
    @Order(5)
    void eachEventIsDeliveredOnceThoughBothNodesSendWebhooks() throws Exception {
        String user = Api.login(Api.createUser("user"), Api.PASSWORD).getString("access_token");
        long customer = Fixtures.customer();
        long product = Fixtures.product("1.00", 1000);
        try (WebhookReceiver receiver = WebhookReceiver.ok()) {
            JsonObject subscribed;
            try (Response r = A.as(Api.tokenFor("admin"), "api/webhooks")
                    .post(json(object("url", receiver.url(), "event_types", array("order.placed"))))) {
                assertEquals(201, r.getStatus());
                subscribed = body(r);
            }
            String secret = subscribed.getString("secret");
            long webhook =
                    subscribed.getJsonObject("webhook").getJsonNumber("id").longValue();
            int orders = 40;
            List<String> placed = Concurrently.run(orders, i -> {
                try (Response r =
                        (i % 2 == 0 ? A : B).as(user, "api/orders").post(json(orderBody(customer, product, 1)))) {
                    assertEquals(201, r.getStatus());
                    return body(r).getJsonNumber("id").toString();
                }
            });
            assertTrue(
                    receiver.await(
                            r -> r.stream()
                                    .map(x -> x.json().getString("subject"))
                                    .collect(Collectors.toSet())
                                    .containsAll(placed),
                            java.time.Duration.ofSeconds(30)),
                    "every order's event arrived");
            Thread.sleep(3000); // a second delivery, if one were made, would arrive by now
            List<WebhookReceiver.Received> ours = receiver.received().stream()
                    .filter(x -> placed.contains(x.json().getString("subject")))
                    .toList();
            assertEquals(orders, ours.size(), "each event once");
            assertEquals(
                    orders,
                    ours.stream().map(WebhookReceiver.Received::id).distinct().count());
            assertTrue(ours.stream().allMatch(x -> WebhookReceiver.verifies(x, secret)));
            try (Response r =
                    B.as(Api.tokenFor("admin"), "api/webhooks/" + webhook).delete()) {
                assertEquals(204, r.getStatus());
            }
        }
    }

    /**
     * One principal's requests spread over both nodes meet one bucket: with a bucket per node it could send
     * twice the limit. Sends 2 × limit - 20 requests at once and expects the limit (plus what refilled while
     * they ran, plus the stated bound: a node leases tokens before it uses them and keeps a lease
     * RATE_LIMIT_LEASE_MILLIS at most, so the cluster passes the limit by at most refill rate × lease time,
     * and by no more than nodes × lease size), then 429.
     */
    @Test
    @Order(6)
    void theRateLimitOfOnePrincipalHoldsAcrossBothNodes() throws Exception {
        String token = B.token(Api.createUser("user"), Api.PASSWORD);
        int limit = ClusterNode.AUTHENTICATED_PER_MINUTE;
        long start = System.nanoTime();
        List<Integer> statuses = Concurrently.run(2 * limit - 20, i -> {
            try (Response r = (i % 2 == 0 ? A : B).as(token, "api/auth/me").get()) {
                if (r.getStatus() == 429) {
                    assertProblem(r, 429, "RATE_LIMITED");
                    assertEquals(Integer.toString(limit), r.getHeaderString("RateLimit-Limit"));
                } else {
                    assertEquals(200, r.getStatus());
                }
                return r.getStatus();
            }
        });
        double minutes = (System.nanoTime() - start) / 60e9;
        long allowed = statuses.stream().filter(s -> s == 200).count();
        System.out.printf(
                "ClusterIT: %d of %d requests of one principal over both nodes allowed in %.1f s (limit %d/min)%n",
                allowed, statuses.size(), minutes * 60, limit);
        assertTrue(statuses.contains(429), "no 429 over both nodes: each node counts alone");
        // a lease that expires unused gives nothing back: the cluster may refuse at most what the nodes' leases held
        assertTrue(allowed >= limit - 2L * ClusterNode.RATE_LIMIT_LEASE_TOKENS, allowed + " allowed");
        long bound = Math.min(
                (long) Math.ceil(limit / 60.0 * ClusterNode.RATE_LIMIT_LEASE_MILLIS / 1000.0),
                2L * ClusterNode.RATE_LIMIT_LEASE_TOKENS);
        assertTrue(
                allowed <= limit + Math.ceil(limit * minutes) + bound + 1,
                allowed + " allowed in " + minutes * 60 + " s (bound " + bound + ")");
    }

    @Test
    @Order(7)
    void theAnalyticsRefreshRunsOncePerIntervalAcrossBothNodes() throws Exception {
        int windowSeconds = 30;
        RefreshCounts before = refreshCounts();
        Thread.sleep(TimeUnit.SECONDS.toMillis(windowSeconds));
        RefreshCounts after = refreshCounts();
        long runs = after.generation() - before.generation();
        refreshesOnA = after.onA() - before.onA();
        refreshesOnB = after.onB() - before.onB();
        System.out.printf(
                "ClusterIT: %d analytics refreshes in %d s (interval %d s): %d on A, %d on B%n",
                runs, windowSeconds, ClusterNode.ANALYTICS_INTERVAL_SECONDS, refreshesOnA, refreshesOnB);
        long expected = windowSeconds / ClusterNode.ANALYTICS_INTERVAL_SECONDS;
        assertTrue(
                runs >= expected - 1 && runs <= expected + 1,
                runs + " refreshes in " + windowSeconds + " s, expected " + expected + " ± 1");
        assertEquals(runs, refreshesOnA + refreshesOnB, "every refresh ran on exactly one node");
    }

    /**
     * Stops the node that runs the analytics timer while both nodes take orders: the stopping node finishes
     * what it accepted, the other keeps answering, every 201 is in the database and nothing else is; then the
     * other node takes the timer over within the failover threshold.
     */
    @Test
    @Order(8)
    void stoppingTheTimerNodeUnderLoadLosesNothingAndTheOtherTakesItsTimerOver() throws Exception {
        ClusterNode stopped = refreshesOnA >= refreshesOnB ? A : B;
        ClusterNode survivor = stopped == A ? B : A;
        String user = Api.tokenFor("user");
        long customer = Fixtures.customer();
        long product = Fixtures.product("2.00", 10_000);
        // a principal per client, each under its rate limit
        int perClient = ClusterNode.AUTHENTICATED_PER_MINUTE / 2;
        List<String> clientTokens = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            clientTokens.add((t % 2 == 0 ? A : B).token(Api.createUser("user"), Api.PASSWORD));
        }
        JsonObject body = orderBody(customer, product, 1);
        record Outcome(ClusterNode node, int status, long id) {}
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long loadEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        ExecutorService load = Executors.newFixedThreadPool(8);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            ClusterNode node = t % 2 == 0 ? stopped : survivor;
            String client = clientTokens.get(t);
            clients.add(load.submit(() -> {
                for (int sent = 0;
                        sent < perClient
                                && System.nanoTime() < loadEnds
                                && !Thread.currentThread().isInterrupted();
                        sent++) {
                    try (Response r = node.as(client, "api/orders").post(json(body))) {
                        outcomes.add(new Outcome(
                                node,
                                r.getStatus(),
                                r.getStatus() == 201
                                        ? body(r).getJsonNumber("id").longValue()
                                        : 0));
                    } catch (ProcessingException e) {
                        outcomes.add(new Outcome(node, -1, 0)); // no connection: the node is stopping or gone
                        if (node == stopped) {
                            return null;
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3_000);
        long survivorRefreshes = survivor.refreshes();
        stopped.stop();
        long stoppedAt = System.nanoTime();
        Thread.sleep(3_000);
        load.shutdownNow();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "the load stopped");
        for (Future<?> f : clients) {
            f.get();
        }

        List<Outcome> all = List.copyOf(outcomes);
        List<Long> placed =
                all.stream().filter(o -> o.status() == 201).map(Outcome::id).toList();
        System.out.printf(
                "ClusterIT: %d orders during the stop of %s: %d placed on it, %d on %s; answers: %s%n",
                all.size(),
                stopped,
                all.stream()
                        .filter(o -> o.node() == stopped && o.status() == 201)
                        .count(),
                all.stream()
                        .filter(o -> o.node() == survivor && o.status() == 201)
                        .count(),
                survivor,
                all.stream()
                        .collect(Collectors.groupingBy(o -> o.node().label + ":" + o.status(), Collectors.counting())));
        assertTrue(
                all.stream()
                                .filter(o -> o.node() == stopped && o.status() == 201)
                                .count()
                        > 0,
                "load on " + stopped);
        assertTrue(
                all.stream().filter(o -> o.node() == survivor).allMatch(o -> o.status() == 201),
                survivor + " answered every order while the other stopped");
        assertTrue(
                all.stream().allMatch(o -> o.status() == 201 || o.status() == -1 || o.status() == 503),
                "no order answered with an error");
        // every 201 is in the database with its line, nothing else is, and the stock agrees with the ledger
        String size = Integer.toString(placed.size());
        assertEquals(List.of(size), query("SELECT COUNT(*) FROM orders WHERE customer_id = " + customer));
        assertEquals(
                List.of(size),
                query("SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                        + "WHERE o.customer_id = " + customer));
        for (long id : placed.subList(0, Math.min(placed.size(), 20))) {
            try (Response r = survivor.as(Api.adminToken(), "api/orders/" + id).get()) {
                assertEquals(200, r.getStatus(), "order " + id);
            }
        }
        assertEquals(10_000 - placed.size(), stockOn(survivor, user, product));
        assertEquals(
                List.of(Integer.toString(10_000 - placed.size())),
                query("SELECT SUM(m.delta) FROM stock_movements m JOIN products p ON p.stock_item_id = m.stock_item_id "
                        + "WHERE p.id = " + product));

        // failover: the survivor runs the timer within the threshold (+ a poll and an interval)
        long limit = ClusterNode.TIMER_FAILOVER_SECONDS
                + ClusterNode.TIMER_POLL_SECONDS
                + ClusterNode.ANALYTICS_INTERVAL_SECONDS
                + 20;
        long since = survivorRefreshes;
        long tookOverAfter = -1;
        while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt) < limit) {
            if (survivor.refreshes() > since) {
                tookOverAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf(
                "ClusterIT: %s ran the analytics refresh %d ms after %s stopped (threshold %d s)%n",
                survivor, tookOverAfter, stopped, ClusterNode.TIMER_FAILOVER_SECONDS);
        assertTrue(tookOverAfter >= 0, survivor + " did not take the timer over in " + limit + " s");
        long now = generation();
        Thread.sleep(TimeUnit.SECONDS.toMillis(3L * ClusterNode.ANALYTICS_INTERVAL_SECONDS));
        assertTrue(generation() - now >= 2, "the timer keeps running every interval on " + survivor);
    }

    private static int stockOn(ClusterNode node, String token, long product) {
        try (Response r = node.as(token, "api/products/" + product).get()) {
            assertEquals(200, r.getStatus());
            JsonObject p = body(r);
            return p.getInt("stock_quantity");
        }
    }

    /** The database's refresh generation and each node's count of refreshes, read at one moment. */
    private record RefreshCounts(long generation, long onA, long onB) {}

    /**
     * The three counts with no refresh between them: each node's count is read again after the database's,
     * and the reading starts over when one moved (a refresh every few seconds may land between the reads,
     * which over HTTPS with a login take a while on a loaded machine).
     */
    private static RefreshCounts refreshCounts() throws Exception {
        for (int attempt = 1; ; attempt++) {
            long onA = A.refreshes();
            long onB = B.refreshes();
            long generation = generation();
            if (A.refreshes() == onA && B.refreshes() == onB || attempt == 10) {
                return new RefreshCounts(generation, onA, onB);
            }
        }
    }

    private static long generation() throws SQLException {
        return Long.parseLong(
                query("SELECT generation FROM analytics_state WHERE id = 1").get(0));
    }

    /** The first column of every row, as text, read straight from the nodes' database. */
    private static List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        System.getenv("DB_URL"),
                        System.getenv("DB_USER"),
                        System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD"));
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
