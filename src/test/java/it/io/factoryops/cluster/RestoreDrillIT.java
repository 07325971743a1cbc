package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The restore drill of docs/OPERATIONS.md, proven: node A serves a load of orders, purchase-order receipts and
 * service tickets with parts, each with an {@code Idempotency-Key}, on a database of its own ({@code _drill}); in the
 * middle of it the database is dumped with its own tool ({@link DatabaseDump}: {@code mariadb-dump
 * --single-transaction} or {@code pg_dump}); the dump is restored into an empty database ({@code _restore}) and node B
 * starts on it. The restored server must answer: its Flyway version is the source's, the books balance ({@code GET
 * /api/books-balance}: every stock item's quantity equals its ledger, every order whole, no key without its
 * effect), and every key of the load either replays its first answer there (its effect is in the restored database)
 * or is absent with its effect (the dump came before it): none of one without the other. Then a row broken by hand
 * makes the books unbalanced, naming it. Prints how long the dump, the restore and the start took. Skipped where the
 * database's dump tools are missing.
 */
class RestoreDrillIT {

    private static final int WORKERS = 6;
    private static final long LOAD_BEFORE_DUMP_MILLIS = 4000;
    private static final long LOAD_AFTER_DUMP_MILLIS = 3000;
    /** Not Api.RUN: Api's first use waits for the build's test server, which is not running here. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final SiblingDatabase source = SiblingDatabase.of("_drill");
    private final SiblingDatabase restored = SiblingDatabase.of("_restore");
    private final ClusterNode a = ClusterNode.a().with(environment(source));
    private final ClusterNode b = ClusterNode.b().with(environment(restored));

    private static Map<String, String> environment(SiblingDatabase database) {
        // one principal makes the whole load: no per-minute limit in the way
        return Map.of("DB_URL", database.url(), "FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE", "1000000");
    }

    private enum Kind {
        ORDER,
        RECEIPT,
        TICKET,
        PARTS
    }

    /**
     * One request of the load and its first answer. {@code document}: the order or ticket created, the purchase
     * order received into, the ticket fitted; {@code sequence}: a receipt's units received on that order with it.
     */
    private record Keyed(
            Kind kind,
            String path,
            String body,
            String key,
            int status,
            String location,
            long document,
            int sequence) {}

    /** What one worker of the load owns: a product to sell, a part to fit, a purchase order line to receive. */
    private record Lane(long product, long part, long purchaseOrder, long line) {}

    @Test
    void aDumpTakenUnderLoadRestoresToBalancedBooksAndConsistentKeys() throws Exception {
        List<String> missing = DatabaseDump.missingTools();
        Assumptions.assumeTrue(
                missing.isEmpty(),
                () -> "RestoreDrillIT skipped: this machine lacks " + missing + " for " + SiblingDatabase.kind());
        Path dump = Files.createTempFile(
                "restore-drill-", SiblingDatabase.kind().equals("postgresql") ? ".pgdump" : ".sql");
        boolean aStarted = false;
        boolean bStarted = false;
        try {
            source.recreate();
            a.start();
            aStarted = true;
            String admin = a.token(Api.ADMIN, Api.ADMIN_PASSWORD);
            long customer = id(post(a, admin, "api/customers", customer(), null), 201);
            List<Lane> lanes = lanes(admin);

            Queue<Keyed> keyed = new ConcurrentLinkedQueue<>();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Lane lane = lanes.get(w);
                int worker = w;
                workers.add(load.submit(() -> work(admin, customer, lane, worker, stop, keyed, failures)));
            }
            Thread.sleep(LOAD_BEFORE_DUMP_MILLIS);
            int before = keyed.size();
            long t0 = System.nanoTime();
            DatabaseDump.dump(source, dump);
            long dumpMillis = (System.nanoTime() - t0) / 1_000_000;
            int during = keyed.size() - before;
            Thread.sleep(LOAD_AFTER_DUMP_MILLIS);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
            load.shutdown();
            assertTrue(failures.isEmpty(), () -> "the load failed: " + failures);

            JsonObject sourceBooks = books(a, admin);
            assertTrue(sourceBooks.getBoolean("balanced"), () -> "the source after the load: " + sourceBooks);
            a.stop();
            aStarted = false;

            restored.recreate();
            t0 = System.nanoTime();
            DatabaseDump.restore(dump, restored);
            long restoreMillis = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            b.start();
            bStarted = true;
            long startMillis = (System.nanoTime() - t0) / 1_000_000;

            String adminOnB = b.token(Api.ADMIN, Api.ADMIN_PASSWORD);
            JsonObject books = books(b, adminOnB);
            assertTrue(books.getBoolean("balanced"), () -> "the restored database: " + books);
            assertEquals(sourceBooks.getString("schema_version"), books.getString("schema_version"));
            assertEquals(0, books.getInt("pending_migrations"));

            Map<Keyed, Boolean> present = new java.util.HashMap<>();
            for (Keyed k : keyed) {
                present.put(k, present(b, adminOnB, k));
            }
            replayEach(adminOnB, present);
            long inside = present.values().stream().filter(p -> p).count();
            long after = present.size() - inside;
            assertTrue(inside > 0, "the dump holds some of the load's keys");
            assertTrue(after > 0, "and misses those that came after it");

            unbalanceAndCheck(adminOnB);

            System.out.printf(
                    "RestoreDrillIT on %s: %d keyed requests by %d workers (%d while the dump ran); dump %d ms (%s), "
                            + "restore %d ms, start on the restored database %d ms; %d keys in the dump, %d after; "
                            + "books-balance %s ms on the restored database; per kind %s%n",
                    SiblingDatabase.kind(),
                    keyed.size(),
                    WORKERS,
                    during,
                    dumpMillis,
                    DatabaseDump.size(dump),
                    restoreMillis,
                    startMillis,
                    inside,
                    after,
                    books.getJsonNumber("duration_ms"),
                    keyed.stream().collect(Collectors.groupingBy(Keyed::kind, Collectors.counting())));
        } finally {
            if (aStarted) {
                a.stop();
            }
            if (bStarted) {
                b.stop();
            }
            Files.deleteIfExists(dump);
            source.drop();
            restored.drop();
        }
    }

    /** Per worker: a product and a part with stock, and an approved purchase order of that part to receive. */
    private List<Lane> lanes(String admin) {
        String manager = account(admin, "manager");
        String approver = account(admin, "admin");
        String code = "DRILL-" + RUN.toUpperCase();
        long supplier = id(
                post(
                        a,
                        manager,
                        "api/suppliers",
                        Json.createObjectBuilder()
                                .add("name", "Drill supplier")
                                .add("code", code)
                                .build()
                                .toString(),
                        null),
                201);
        List<Lane> lanes = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String sku = "DRILL-" + RUN + "-" + w;
            long product = id(
                    post(
                            a,
                            admin,
                            "api/products",
                            Json.createObjectBuilder()
                                    .add("sku", sku)
                                    .add("name", "Drill product " + w)
                                    .add("price", new java.math.BigDecimal("3.35"))
                                    .add("stock_quantity", 100_000)
                                    .add("reorder_level", 0)
                                    .build()
                                    .toString(),
                            null),
                    201);
            long part = id(
                    post(
                            a,
                            manager,
                            "api/inventory/items",
                            Json.createObjectBuilder()
                                    .add("sku", sku + "-P")
                                    .add("name", "Drill part " + w)
                                    .add("unit_cost", new java.math.BigDecimal("0.01"))
                                    .add("reorder_level", 0)
                                    .build()
                                    .toString(),
                            null),
                    201);
            read(post(a, manager, "api/inventory/items/" + part + "/add-stock", "{\"quantity\":100000}", null), 201);
            JsonObject po = read(
                    post(
                            a,
                            manager,
                            "api/purchase-orders",
                            "{\"supplier_id\":" + supplier + ",\"lines\":[{\"item_id\":" + part
                                    + ",\"quantity\":100000,\"unit_cost\":0.01}]}",
                            null),
                    201);
            long poId = po.getJsonNumber("id").longValue();
            long line = po.getJsonArray("lines")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
            String etag;
            try (Response r =
                    a.as(manager, "api/purchase-orders/" + poId + "/submit").post(null)) {
                assertEquals(200, r.getStatus(), () -> "submit: " + r.readEntity(String.class));
                etag = r.getHeaderString("ETag");
            }
            try (Response r = a.as(approver, "api/purchase-orders/" + poId + "/approve")
                    .header("If-Match", etag)
                    .post(null)) {
                assertEquals(200, r.getStatus(), () -> "approve: " + r.readEntity(String.class));
            }
            lanes.add(new Lane(product, part, poId, line));
        }
        return lanes;
    }

    /** One worker's load until {@code stop}: an order, a receipt, a ticket and its parts per round. */
    private void work(
            String admin,
            long customer,
            Lane lane,
            int worker,
            AtomicBoolean stop,
            Queue<Keyed> keyed,
            Queue<String> failures) {
        int received = 0;
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int round = 0; !stop.get() && failures.isEmpty(); round++) {
            String prefix = "drill-" + RUN + "-" + worker + "-" + round + "-";
            try {
                Keyed order = keyed(
                        admin,
                        Kind.ORDER,
                        "api/orders",
                        "{\"customer_id\":" + customer
                                + ",\"lines\":[{\"product_id\":" + lane.product() + ",\"quantity\":" + (1 + round % 3)
                                + "}]}",
                        prefix + "order",
                        201,
                        0);
                keyed.add(order);
                keyed.add(keyed(
                        admin,
                        Kind.RECEIPT,
                        "api/purchase-orders/" + lane.purchaseOrder() + "/receive",
                        "{\"lines\":[{\"line_id\":" + lane.line() + ",\"quantity\":1}]}",
                        prefix + "receipt",
                        200,
                        ++received));
                Keyed ticket = keyed(
                        admin,
                        Kind.TICKET,
                        "api/service-tickets",
                        "{\"customer_id\":" + customer
                                + ",\"description\":\"Drill " + prefix + "\",\"service_date\":\"" + today
                                + "\",\"priority\":\"normal\"}",
                        prefix + "ticket",
                        201,
                        0);
                keyed.add(ticket);
                keyed.add(keyed(
                        admin,
                        Kind.PARTS,
                        "api/service-tickets/" + ticket.document() + "/parts",
                        "{\"item_id\":" + lane.part() + ",\"quantity\":1}",
                        prefix + "parts",
                        200,
                        0));
            } catch (AssertionError | RuntimeException e) {
                failures.add("worker " + worker + ": " + e);
            }
        }
    }

    /** POSTs {@code body} to node A with {@code key}; the answer's {@code id} is the order, ticket or purchase order. */
    private Keyed keyed(String token, Kind kind, String path, String body, String key, int expected, int sequence) {
        try (Response r = a.as(token, path).header("Idempotency-Key", key).post(Entity.json(body))) {
            String text = r.readEntity(String.class);
            assertEquals(expected, r.getStatus(), () -> "POST " + path + ": " + text);
            return new Keyed(
                    kind,
                    path,
                    body,
                    key,
                    r.getStatus(),
                    r.getHeaderString("Location"),
                    parse(text).getJsonNumber("id").longValue(),
                    sequence);
        }
    }

    /** Whether the effect of {@code k} is in the restored database, read through node B's API before any replay. */
    private static boolean present(ClusterNode node, String token, Keyed k) {
        return switch (k.kind()) {
            case ORDER -> exists(node, token, "api/orders/" + k.document());
            case TICKET -> exists(node, token, "api/service-tickets/" + k.document());
            case PARTS ->
                exists(node, token, "api/service-tickets/" + k.document())
                        && !get(node, token, "api/service-tickets/" + k.document())
                                .getJsonArray("parts")
                                .isEmpty();
            case RECEIPT ->
                get(node, token, "api/purchase-orders/" + k.document())
                                .getJsonArray("lines")
                                .getJsonObject(0)
                                .getInt("received_quantity")
                        >= k.sequence();
        };
    }

    /**
     * Sends each key's request again to node B, in parallel (a key whose request was in flight when the dump was taken
     * may be reserved there without an answer, and waits its 15 s before its 409): a key whose effect is in the
     * database replays its first answer; any other is not a replay — it runs now, or is still reserved (409), or (parts)
     * names a ticket that came after the dump as well (404).
     */
    private void replayEach(String token, Map<Keyed, Boolean> present) throws Exception {
        ExecutorService replays = Executors.newFixedThreadPool(16);
        List<Future<String>> outcomes = new ArrayList<>();
        present.forEach((k, inDump) -> outcomes.add(replays.submit(() -> {
            try (Response r =
                    b.as(token, k.path()).header("Idempotency-Key", k.key()).post(Entity.json(k.body()))) {
                String text = r.readEntity(String.class);
                String replayed = r.getHeaderString("Idempotent-Replayed");
                if (inDump) {
                    if (r.getStatus() != k.status()
                            || !"true".equals(replayed)
                            || !java.util.Objects.equals(k.location(), r.getHeaderString("Location"))) {
                        return k + " is in the dump but was not replayed: " + r.getStatus() + " " + text;
                    }
                } else if (replayed != null
                        || !(r.getStatus() == k.status()
                                || r.getStatus() == 409
                                || (k.kind() == Kind.PARTS && r.getStatus() == 404))) {
                    // runs now; or still reserved; or fits parts to a ticket that came after the dump too
                    return k + " is not in the dump, yet answered " + r.getStatus() + " replayed=" + replayed + " "
                            + text;
                }
                return null;
            }
        })));
        List<String> wrong = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            String problem = outcome.get(5, TimeUnit.MINUTES);
            if (problem != null) {
                wrong.add(problem);
            }
        }
        replays.shutdown();
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " keys inconsistent after the restore: " + wrong);
    }

    /**
     * Breaks one row of each book in the restored database by hand (a stock item's quantity, an order's total, a key's
     * Location) and reads the check name each.
     */
    private void unbalanceAndCheck(String token) throws Exception {
        long item;
        long order;
        long key;
        try (Connection c = restored.connect();
                Statement s = c.createStatement()) {
            item = first(s, "SELECT MIN(id) FROM stock_items");
            order = first(s, "SELECT MIN(id) FROM orders");
            key = first(
                    s, "SELECT MIN(id) FROM idempotency_keys WHERE status = 201 AND location LIKE '%/api/orders/%'");
            s.executeUpdate("UPDATE stock_items SET quantity = quantity + 1 WHERE id = " + item);
            s.executeUpdate("UPDATE orders SET total = total + 1 WHERE id = " + order);
            s.executeUpdate(
                    "UPDATE idempotency_keys SET location = 'http://localhost/api/orders/999999999' WHERE id = " + key);
        }
        JsonObject books = books(b, token);
        assertFalse(books.getBoolean("balanced"), books.toString());
        Map<String, JsonObject> checks = books.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals(List.of(item), ids(checks.get("stock_ledger")));
        assertEquals(List.of(order), ids(checks.get("orders_whole")));
        assertEquals(List.of(key), ids(checks.get("idempotency_effects")));
    }

    private static List<Long> ids(JsonObject check) {
        assertEquals(1, check.getInt("failed"), check.toString());
        return check.getJsonArray("failed_ids").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue)
                .toList();
    }

    private static long first(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static JsonObject books(ClusterNode node, String token) {
        return get(node, token, "api/books-balance");
    }

    private static boolean exists(ClusterNode node, String token, String path) {
        try (Response r = node.as(token, path).get()) {
            assertTrue(r.getStatus() == 200 || r.getStatus() == 404, () -> path + ": " + r.getStatus());
            return r.getStatus() == 200;
        }
    }

    private static JsonObject get(ClusterNode node, String token, String path) {
        return read(node.as(token, path).get(), 200);
    }

    private String account(String admin, String role) {
        String username = "drill-" + role + "-" + RUN;
        read(
                post(
                        a,
                        admin,
                        "api/auth/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("email", username + "@drill.example")
                                .add("password", Api.PASSWORD)
                                .add("full_name", "Drill " + role)
                                .add("role", role)
                                .build()
                                .toString(),
                        null),
                201);
        return a.token(username, Api.PASSWORD);
    }

    private static String customer() {
        return Json.createObjectBuilder()
                .add("name", "Drill customer")
                .add("email", "drill-" + RUN + "@drill.example")
                .build()
                .toString();
    }

    private static Response post(ClusterNode node, String token, String path, String body, String key) {
        var request = node.as(token, path);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(Entity.json(body));
    }

    private static long id(Response r, int status) {
        return read(r, status).getJsonNumber("id").longValue();
    }

    private static JsonObject read(Response r, int status) {
        try (r) {
            String text = r.readEntity(String.class);
            assertEquals(status, r.getStatus(), () -> text);
            return parse(text);
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
