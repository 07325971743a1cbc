package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.TcpProxy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The database goes away under load and comes back (-Pcluster, MySQL/MariaDB or PostgreSQL): a Liberty server of its own whose
 * DB_URL goes through a {@link TcpProxy} on loopback to a database of its own (DB_URL's + "_outage"). While
 * clients place orders, read and sign in, the proxy is cut, first so that the database refuses (connections
 * closed), then so that it hangs (nothing answers; only the timeouts end the waits). Each time: /health/ready
 * is DOWN within seconds, every request answers 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} within
 * the timeouts, never a 500 and never a hang; after the heal, ready is UP again and orders succeed, without a
 * restart. A row lock held straight on the database past the node's query timeout answers 503 too. Then the
 * database, read directly, holds every accepted order whole (lines, ledger rows, audit row,
 * analytics deltas) and no half of any order, and every product's stock equals its ledger.
 *
 * <p>Only {@link Api}'s constants are used: its methods talk to node A, which is not running here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    /** The node's driver gives up on a connect after 2 s and on a silent socket after 10 s (DB_URL). */
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private static final int SOCKET_TIMEOUT_MS = 10_000;
    /** The node's statement timeout (FACTORY_DB_QUERY_TIMEOUT), short so that a slow statement is quick to show. */
    private static final int QUERY_TIMEOUT_SECONDS = 3;
    /** The node's pool wait (FACTORY_DB_CONNECTION_TIMEOUT). */
    private static final int POOL_WAIT_SECONDS = 5;
    /**
     * The longest answer allowed during a cut. During a hang a request may meet the silent database up to three
     * times in a row (its token check or its transaction, then the Idempotency-Key record), each time waiting for
     * a connection validation (5 s) or the driver's socket timeout: 3 × (5 + 10) s.
     */
    private static final long LONGEST_ANSWER_MS = 3 * (5_000 + SOCKET_TIMEOUT_MS);

    private static final int PRODUCTS = 3;
    /** How long the test hook holds an answer between its commit and its storage under its Idempotency-Key. */
    private static final int STORE_DELAY_MS = 5_000;
    /** FACTORY_TRANSACTION_TIMEOUT of the node's last start (aTransactionPastItsTimeoutAnswers503). */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 20;
    /** How long aTransactionPastItsTimeoutAnswers503 holds each of its row locks longer than the one before. */
    private static final int LOCK_HELD_SECONDS = 8;

    private static final int INITIAL_STOCK = 100_000;

    /** The node's database (read straight by the checks, past the proxy). */
    private static final SiblingDatabase DATABASE = SiblingDatabase.of("_outage");

    private static final int PROXY_PORT = proxyPort();
    private static final String PROXIED_URL = DATABASE.through(PROXY_PORT, CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS);

    /** The node's environment. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "DB_URL",
            PROXIED_URL,
            "FACTORY_DB_CONNECTION_TIMEOUT",
            POOL_WAIT_SECONDS + "s",
            "FACTORY_DB_QUERY_TIMEOUT",
            QUERY_TIMEOUT_SECONDS + "s",
            "FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE",
            "100000",
            "FACTORY_RATE_LIMIT_LOGIN_PER_MINUTE",
            "100000",
            // test only: an Idempotency-Key beginning "test-before-store-" waits this long (ms) after its order
            // committed, before its answer is stored (anOrderWhoseAnswerWasCutOffIsReplayedAfterTheHeal)
            "FACTORY_TEST_IDEMPOTENCY_BEFORE_STORE",
            Integer.toString(STORE_DELAY_MS));

    private static TcpProxy proxy;
    private static ClusterNode node;
    /** Each client's requests are bounded: a request without an answer in 90 s is a hang, and fails the test. */
    private static final Client CLIENT = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
            .connectionPoolSize(32)
            .maxPooledPerRoute(32)
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(90, TimeUnit.SECONDS)
            .build();

    private static final int PROBE_TIMEOUT_SECONDS = 5;
    private static final Client PROBE = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
            .connectionPoolSize(64)
            .maxPooledPerRoute(64)
            .connectTimeout(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .readTimeout(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .build();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static String admin;
    private static long customer;
    private static final List<Long> products = new ArrayList<>();
    /** Every order the API accepted (201), over both cuts. */
    private static final List<Long> accepted = Collections.synchronizedList(new ArrayList<>());

    private static final List<String> measured = new ArrayList<>();

    @BeforeAll
    static void startTheNodeBehindTheProxy() throws Exception {
        DATABASE.recreate(); // empty, also when a run that was killed left it behind
        proxy = new TcpProxy(PROXY_PORT, SiblingDatabase.host(), SiblingDatabase.port());
        node = ClusterNode.outage(OVERRIDES);
        node.start();
        try (Response r = login(Api.ADMIN, Api.ADMIN_PASSWORD)) {
            assertEquals(200, r.getStatus(), "admin login");
            admin = body(r).getString("access_token");
        }
        String email = "outage-" + RUN + "@it.example";
        try (Response r = as("api/customers")
                .post(json("{\"name\":\"Outage " + RUN + "\",\"email\":\"" + email
                        + "\",\"phone\":\"+1 555 0100\",\"address\":\"1 Plant Road\"}"))) {
            assertEquals(201, r.getStatus());
            customer = body(r).getJsonNumber("id").longValue();
        }
        for (int i = 0; i < PRODUCTS; i++) {
            try (Response r = as("api/products")
                    .post(json("{\"sku\":\"OUT-" + RUN + "-" + i + "\",\"name\":\"Outage "
                            + i + "\",\"price\":2.50,\"stock_quantity\":" + INITIAL_STOCK + ",\"reorder_level\":0,"
                            + "\"category\":\"General\"}"))) {
                assertEquals(201, r.getStatus());
                products.add(body(r).getJsonNumber("id").longValue());
            }
        }
    }

    @AfterAll
    static void stopTheNodeAndDropItsDatabase() throws Exception {
        try {
            if (node != null && node.running()) {
                node.stop();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            measured.forEach(m -> System.out.println("DatabaseOutageIT: " + m));
            DATABASE.drop();
        }
    }

    @Test
    @Order(1)
    void whenTheDatabaseRefusesRequestsAnswer503AndReadinessFollowsIt() throws Exception {
        outage(TcpProxy.Cut.REFUSE, 8);
    }

    @Test
    @Order(2)
    void whenTheDatabaseHangsTheTimeoutsEndEveryWaitWith503() throws Exception {
        outage(TcpProxy.Cut.HANG, 2 * SOCKET_TIMEOUT_MS / 1000 + 5);
    }

    /**
     * The database answers, but too slowly: a row lock held by another client (straight on the database) keeps an
     * order waiting; FACTORY_DB_QUERY_TIMEOUT ends the wait with 503, and once the lock is gone orders go through.
     */
    @Test
    @Order(3)
    void aStatementPastTheQueryTimeoutAnswers503() throws Exception {
        String order = orderBody();
        try (Connection c = direct()) {
            c.setAutoCommit(false);
            forEachRow(
                    c,
                    "SELECT i.quantity FROM stock_items i JOIN products p ON p.stock_item_id = i.id WHERE p.id = "
                            + products.get(0) + " FOR UPDATE",
                    rs -> {});
            long start = System.nanoTime();
            try (Response r = as("api/orders").post(json(order))) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                String text = r.readEntity(String.class);
                assertEquals(503, r.getStatus(), text);
                assertEquals(null, unavailableProblem(r, text));
                assertTrue(millis >= TimeUnit.SECONDS.toMillis(QUERY_TIMEOUT_SECONDS) - 500, millis + " ms");
                assertTrue(millis < TimeUnit.SECONDS.toMillis(QUERY_TIMEOUT_SECONDS + 10), millis + " ms");
                measured.add(String.format(
                        "a row lock held past FACTORY_DB_QUERY_TIMEOUT=%ds: 503 after %d ms",
                        QUERY_TIMEOUT_SECONDS, millis));
            } finally {
                c.rollback();
            }
        }
        try (Response r = as("api/orders").post(json(order))) {
            assertEquals(201, r.getStatus(), "an order once the lock is gone");
            accepted.add(body(r).getJsonNumber("id").longValue());
        }
    }

    /**
     * Issue 23: an order commits, then the database goes away before its answer is stored under its Idempotency-Key
     * (the node holds the answer {@value #STORE_DELAY_MS} ms there for keys beginning "test-before-store-", a
     * test-only hook; the proxy is cut meanwhile). The answer stands (201); after the heal the retry with the key
     * replays that order, never "still being processed" and never a second order: the key's outcome was written in
     * the order's own transaction.
     */
    @Test
    @Order(4)
    void anOrderWhoseAnswerWasCutOffIsReplayedAfterTheHeal() throws Exception {
        awaitReady(true, 60);
        String key = "test-before-store-" + RUN;
        String order = orderBody();
        long before = ordersInTheDatabase();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = client.submit(() -> {
                try (Response r =
                        as("api/orders").header("Idempotency-Key", key).post(json(order))) {
                    return r.getStatus() + " " + r.readEntity(String.class);
                }
            });
            long sent = System.nanoTime();
            while (ordersInTheDatabase() == before) { // committed: the node now holds its answer
                assertTrue(System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(20), "the order was not committed");
                Thread.sleep(100);
            }
            proxy.cut(TcpProxy.Cut.REFUSE);
            String answer = first.get(60, TimeUnit.SECONDS);
            assertTrue(answer.startsWith("201 "), answer);
            long id = parse(answer.substring(4)).getJsonNumber("id").longValue();
            accepted.add(id);
            proxy.heal();
            awaitReady(true, 60);
            for (int retry = 0; retry < 2; retry++) {
                try (Response r =
                        as("api/orders").header("Idempotency-Key", key).post(json(order))) {
                    String text = r.readEntity(String.class);
                    assertEquals(201, r.getStatus(), text);
                    assertEquals("true", r.getHeaderString("Idempotent-Replayed"));
                    assertEquals(id, parse(text).getJsonNumber("id").longValue());
                }
            }
            assertEquals(before + 1, ordersInTheDatabase(), "orders placed with the key");
        } finally {
            proxy.heal();
            client.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void nothingIsHalfWritten() throws Exception {
        assertFalse(accepted.isEmpty(), "no order was accepted");
        try (Connection c = direct()) {
            // one snapshot: the analytics timer may fold deltas into the summary meanwhile
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            Map<Long, long[]> orders = new TreeMap<>(); // id -> lines, units, ledger, audit rows
            forEachRow(
                    c,
                    "SELECT o.id, (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id), "
                            + "(SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id), "
                            + "(SELECT COALESCE(SUM(m.delta), 0) FROM stock_movements m WHERE m.reference_type = 'ORDER' "
                            + "AND m.reference_id = o.id), "
                            + "(SELECT COUNT(*) FROM audit_logs a WHERE a.entity_type = 'order' AND a.action = 'CREATE' "
                            + "AND a.entity_id = CAST(o.id AS CHAR)) "
                            + "FROM orders o WHERE o.customer_id = " + customer,
                    rs -> orders.put(
                            rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
            List<Long> missing =
                    accepted.stream().filter(id -> !orders.containsKey(id)).toList();
            assertEquals(List.of(), missing, "orders answered 201 but not in the database");
            orders.forEach((id, o) -> {
                assertEquals(PRODUCTS, o[0], "lines of order " + id);
                assertEquals(PRODUCTS, o[1], "units of order " + id);
                assertEquals(-PRODUCTS, o[2], "ledger rows of order " + id + " (sum of their deltas)");
                assertEquals(1, o[3], "audit rows of order " + id);
            });
            // the analytics deltas were written with the orders: folded into the summary, or still pending
            long[] counted = new long[1];
            forEachRow(
                    c,
                    "SELECT (SELECT COALESCE(SUM(order_count), 0) FROM analytics_customer_summary "
                            + "WHERE customer_id = " + customer + ") + (SELECT COALESCE(SUM(count_delta), 0) "
                            + "FROM analytics_deltas WHERE kind = 'CUSTOMER' AND key_id = " + customer + ")",
                    rs -> counted[0] = rs.getLong(1));
            assertEquals(orders.size(), counted[0], "orders counted by the analytics deltas");
            for (long product : products) {
                long[] stock = new long[2];
                forEachRow(
                        c,
                        "SELECT i.quantity, (SELECT SUM(m.delta) FROM stock_movements m "
                                + "WHERE m.stock_item_id = i.id) FROM products p JOIN stock_items i ON i.id = p.stock_item_id "
                                + "WHERE p.id = " + product,
                        rs -> {
                            stock[0] = rs.getLong(1);
                            stock[1] = rs.getLong(2);
                        });
                assertEquals(stock[0], stock[1], "stock of product " + product + " = its ledger's sum");
                assertEquals(INITIAL_STOCK - orders.size(), stock[0], "stock of product " + product);
            }
            c.rollback();
            measured.add(String.format(
                    "%d orders accepted over both cuts, %d in the database, all whole",
                    accepted.size(), orders.size()));
        }
        String log = node.logText();
        assertFalse(log.contains("Unhandled exception"), "a failure during an outage was logged as unhandled (500)");
        assertTrue(log.contains("Database unavailable, answered 503"), "the 503s are logged as warnings");
    }

    /**
     * A transaction that outlasts FACTORY_TRANSACTION_TIMEOUT while none of its statements meets a timeout: the
     * node restarted with {@value #TRANSACTION_TIMEOUT_SECONDS} s (shorter fails the application's own start on a
     * busy machine), a query timeout and a socket timeout of a minute; the row locks of an order's three products held straight on the
     * database and released one after the other, {@value #LOCK_HELD_SECONDS} s apart, keep the order's transaction
     * open longer. It answers 503 SERVICE_UNAVAILABLE with Retry-After, never
     * a 500, and writes nothing.
     */
    @Test
    @Order(6)
    void aTransactionPastItsTimeoutAnswers503() throws Exception {
        node.stop();
        Map<String, String> environment = new HashMap<>(OVERRIDES);
        environment.put("FACTORY_TRANSACTION_TIMEOUT", TRANSACTION_TIMEOUT_SECONDS + "s");
        environment.put("FACTORY_DB_QUERY_TIMEOUT", "60s");
        environment.put("DB_URL", DATABASE.through(PROXY_PORT, CONNECT_TIMEOUT_MS, 60_000));
        node = node.with(environment);
        node.start();
        try (Response r = login(Api.ADMIN, Api.ADMIN_PASSWORD)) {
            assertEquals(200, r.getStatus(), "admin login");
            admin = body(r).getString("access_token");
        }
        long before = ordersInTheDatabase();
        ExecutorService client = Executors.newSingleThreadExecutor();
        List<Connection> locks = new ArrayList<>();
        try {
            for (long product : products) {
                Connection c = direct();
                locks.add(c);
                c.setAutoCommit(false);
                lockStock(c, product);
            }
            long start = System.nanoTime();
            Future<String> order = client.submit(() -> {
                try (Response r = as("api/orders").post(json(orderBody()))) {
                    String text = r.readEntity(String.class);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    measured.add(String.format(
                            "a transaction past FACTORY_TRANSACTION_TIMEOUT=%ds (statements "
                                    + "waiting %d s each for row locks): %d after %d ms",
                            TRANSACTION_TIMEOUT_SECONDS, LOCK_HELD_SECONDS, r.getStatus(), millis));
                    String problem = r.getStatus() == 503 ? unavailableProblem(r, text) : "status " + r.getStatus();
                    return problem == null ? "503" : problem + ": " + text;
                }
            });
            for (Connection c : locks) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(LOCK_HELD_SECONDS));
                c.rollback();
            }
            assertEquals("503", order.get(60, TimeUnit.SECONDS));
        } finally {
            client.shutdownNow();
            for (Connection c : locks) {
                c.close();
            }
        }
        assertEquals(before, ordersInTheDatabase(), "the order of the timed-out transaction was not written");
        try (Response r = as("api/orders").post(json(orderBody()))) {
            assertEquals(201, r.getStatus(), "an order once the locks are gone");
        }
        assertFalse(node.logText().contains("Unhandled exception"), "the timed-out transaction answered 500");
    }

    private static void lockStock(Connection c, long product) throws SQLException {
        forEachRow(
                c,
                "SELECT i.quantity FROM stock_items i JOIN products p ON p.stock_item_id = i.id WHERE p.id = " + product
                        + " FOR UPDATE",
                rs -> {});
    }

    private static long ordersInTheDatabase() throws SQLException {
        long[] count = new long[1];
        try (Connection c = direct()) {
            forEachRow(
                    c, "SELECT COUNT(*) FROM orders WHERE customer_id = " + customer, rs -> count[0] = rs.getLong(1));
        }
        return count[0];
    }

    /** One outage: load, cut, hold it {@code seconds}, heal, load again; asserts every answer. */
    private void outage(TcpProxy.Cut how, int seconds) throws Exception {
        awaitReady(true, 60); // ready before the cut
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger phase = new AtomicInteger(); // 0 before the cut, 1 during, 2 after the heal
        ExecutorService load = Executors.newFixedThreadPool(8);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int client = t;
            clients.add(load.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    outcomes.add(request(how, client, n, phase.get()));
                }
                return null;
            }));
        }
        try {
            Thread.sleep(3_000);
            proxy.cut(how);
            long cutAt = System.nanoTime();
            phase.set(1);
            Probe down = awaitReady(Set.of(503, -1), cutAt, seconds);
            // the check's own DOWN, not only a probe's timeout: while the database hangs, the requests waiting for it
            // hold Liberty's threads and a probe may wait in the queue longer than its timeout; measured, not required
            long down503 = firstExplicitDown(cutAt, seconds);
            // the cut lasts `seconds` in all
            Thread.sleep(Math.max(
                    0, TimeUnit.SECONDS.toMillis(seconds) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt)));
            proxy.heal();
            phase.set(2);
            Probe up = awaitReady(true, 60);
            long healed = System.nanoTime();
            // orders succeed again within seconds of the heal
            while (List.copyOf(outcomes).stream()
                    .noneMatch(o -> o.phase() == 2 && o.kind() == Kind.ORDER && o.status() == 201)) {
                assertTrue(
                        System.nanoTime() - healed < TimeUnit.SECONDS.toNanos(30), "no order accepted after the heal");
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
            stop.set(true);
            load.shutdown();
            assertTrue(load.awaitTermination(120, TimeUnit.SECONDS), "the clients stopped");
            for (Future<?> f : clients) {
                f.get();
            }

            List<Outcome> all = List.copyOf(outcomes);
            Map<String, Long> answers = all.stream()
                    .collect(Collectors.groupingBy(
                            o -> "phase " + o.phase() + " " + o.kind() + " " + o.status(),
                            TreeMap::new,
                            Collectors.counting()));
            // requests sent before the cut may be the ones that wait longest: all count
            long longest = all.stream().mapToLong(Outcome::millis).max().orElse(0);
            long longest503 = all.stream()
                    .filter(o -> o.status() == 503)
                    .mapToLong(Outcome::millis)
                    .max()
                    .orElse(0);
            measured.add(String.format(
                    "%s cut: /health/ready not ready %s after the cut (503 after %d ms), UP %s "
                            + "after the heal; longest answer %d ms (longest 503: %d ms); answers %s",
                    how, down, down503, up, longest, longest503, answers));
            System.out.println("DatabaseOutageIT: " + measured.get(measured.size() - 1));
            all.stream().filter(o -> o.failure() != null).findFirst().ifPresent(o -> {
                throw new AssertionError(o.kind() + " in phase " + o.phase() + ": " + o.failure());
            });
            assertTrue(all.stream().anyMatch(o -> o.phase() <= 1 && o.status() == 503), "no 503 during the cut");
            assertTrue(longest <= LONGEST_ANSWER_MS, "an answer during the cut took " + longest + " ms");
            assertTrue(
                    all.stream().anyMatch(o -> o.phase() == 0 && o.kind() == Kind.ORDER && o.status() == 201),
                    "orders were placed before the cut: " + answers);
        } finally {
            stop.set(true);
            proxy.heal();
            load.shutdownNow();
            load.awaitTermination(120, TimeUnit.SECONDS);
        }
    }

    private enum Kind {
        ORDER(201),
        READ(200),
        LOGIN(200);

        final int ok;

        Kind(int ok) {
            this.ok = ok;
        }
    }

    /** One answer: its status and time; {@code failure} says what was wrong with it (null: a right answer). */
    private record Outcome(Kind kind, int phase, int status, long millis, String failure) {}

    /** Clients 0-4 place orders (each with an Idempotency-Key), 5-6 read, 7 signs in. */
    private static Outcome request(TcpProxy.Cut cut, int client, int n, int phase) {
        Kind kind = client < 5 ? Kind.ORDER : client < 7 ? Kind.READ : Kind.LOGIN;
        long start = System.nanoTime();
        try (Response r = switch (kind) {
            case ORDER ->
                as("api/orders")
                        .header("Idempotency-Key", "outage-" + RUN + "-" + cut + "-" + client + "-" + n)
                        .post(json(orderBody()));
            case READ ->
                as(n % 2 == 0 ? "api/products/" + products.get(0) : "api/orders")
                        .get();
            case LOGIN -> login(Api.ADMIN, Api.ADMIN_PASSWORD);
        }) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String text = r.readEntity(String.class);
            int status = r.getStatus();
            if (status == kind.ok) {
                if (kind == Kind.ORDER) {
                    accepted.add(parse(text).getJsonNumber("id").longValue());
                }
                return new Outcome(kind, phase, status, millis, null);
            }
            return new Outcome(
                    kind,
                    phase,
                    status,
                    millis,
                    status == 503 ? unavailableProblem(r, text) : "status " + status + ": " + text);
        } catch (ProcessingException e) {
            return new Outcome(
                    kind, phase, -1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), "no answer: " + e);
        } finally {
            if (kind == Kind.LOGIN) {
                sleep(250); // a sign-in now and then, not a flood
            }
        }
    }

    /** An order of one unit of each product: every order the test places looks so (nothingIsHalfWritten). */
    private static String orderBody() {
        return "{\"customer_id\":" + customer + ",\"lines\":["
                + products.stream()
                        .map(p -> "{\"product_id\":" + p + ",\"quantity\":1}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    /** Null when the 503 is the problem the API promises, else what is wrong with it. */
    private static String unavailableProblem(Response r, String text) {
        if (r.getMediaType() == null
                || !"application/problem+json"
                        .equals(r.getMediaType().getType() + "/"
                                + r.getMediaType().getSubtype())) {
            return "503 of type " + r.getMediaType() + ": " + text;
        }
        JsonObject problem = parse(text);
        if (!"SERVICE_UNAVAILABLE".equals(problem.getString("code", null))) {
            return "503 with code " + problem.getString("code", null);
        }
        if (r.getHeaderString("Retry-After") == null
                || !r.getHeaderString("Retry-After").matches("\\d+")) {
            return "503 without Retry-After: " + r.getHeaders();
        }
        if (text.contains("Exception") || text.contains("at io.factoryops")) {
            return "503 leaks internals: " + text;
        }
        if (r.getHeaderString("X-Request-Id") == null
                || !r.getHeaderString("X-Request-Id").equals(problem.getString("request_id", null))) {
            return "503 without its request id: " + text;
        }
        return null;
    }

    /** What {@link #awaitReady} saw first: after how long, and the answer (-1: none within the probe's timeout). */
    private record Probe(long millis, int status) {
        @Override
        public String toString() {
            return millis + " ms (" + (status < 0 ? "no answer in " + PROBE_TIMEOUT_SECONDS + " s" : "status " + status)
                    + ")";
        }
    }

    /**
     * The first answer of /health/ready that says UP (200) or not ready (503, or no answer within
     * {@value #PROBE_TIMEOUT_SECONDS} s, which a Kubernetes readiness probe with that timeout counts as a failure),
     * at most {@code seconds}. A probe every second (a readiness probe's shortest period), each on its own thread:
     * a probe that waits for a slow check must not delay the next one.
     */
    private static Probe awaitReady(boolean up, int seconds) throws Exception {
        return awaitReady(up ? Set.of(200) : Set.of(503, -1), System.nanoTime(), seconds);
    }

    /** Milliseconds from {@code start} to the first 503 of /health/ready, -1 when none came within {@code seconds}. */
    private static long firstExplicitDown(long start, int seconds) throws Exception {
        try {
            return awaitReady(Set.of(503), start, seconds).millis();
        } catch (AssertionError e) {
            return -1;
        }
    }

    /** The first probe answering one of {@code statuses} (-1: no answer in time), counting from {@code start}. */
    private static Probe awaitReady(Set<Integer> statuses, long start, int seconds) throws Exception {
        ExecutorService probes = Executors.newCachedThreadPool();
        List<Future<Probe>> sent = new ArrayList<>();
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                sent.add(probes.submit(() -> {
                    int status;
                    try (Response r = PROBE.target(node.base)
                            .path("health/ready")
                            .request()
                            .get()) {
                        status = r.getStatus();
                    } catch (ProcessingException e) {
                        status = -1;
                    }
                    return new Probe(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), status);
                }));
                Thread.sleep(1000);
                for (Future<Probe> f : sent) {
                    if (f.isDone() && statuses.contains(f.get().status())) {
                        return f.get();
                    }
                }
            }
            throw new AssertionError("/health/ready did not answer " + statuses + " within " + seconds + " s");
        } finally {
            probes.shutdownNow();
        }
    }

    private static Response login(String username, String password) {
        return CLIENT.target(node.base)
                .path("api/auth/login")
                .request()
                .post(json("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private static Invocation.Builder as(String path) {
        return CLIENT.target(node.base).path(path).request().header("Authorization", "Bearer " + admin);
    }

    private static Entity<String> json(String body) {
        return Entity.entity(body, "application/json");
    }

    private static JsonObject body(Response r) {
        return parse(r.readEntity(String.class));
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void forEachRow(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static Connection direct() throws SQLException {
        return DATABASE.connect();
    }

    private static int proxyPort() {
        assertNotNull(System.getProperty("outage.proxy.port"), "outage.proxy.port (pom)");
        return Integer.getInteger("outage.proxy.port");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
