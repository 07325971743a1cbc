package it.io.factoryops.demo;

import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Health;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FACTORY_DEMO_DATA=true on an empty database: a server of its own (a copy of the test server's directory, as
 * the cluster tests make node B, on free ports and an H2 file of its own), started with the variable set. The
 * plant has documents in every state, one account per role whose printed password signs in, a stock ledger that
 * sums to every quantity, a dashboard with figures (that a database that is not empty is not claimed is
 * DemoPlantClaimIT's, in the shared server: a second start here cost a minute). Not through Api: its client, checks and first-use wait are the shared test server's.
 */
class DemoDataIT {

    private static final Pattern ACCOUNT =
            Pattern.compile("Created the demo (\\w+) account '(\\S+)' with the generated password: (\\S+) --");
    private static final Pattern LOADED = Pattern.compile("Loaded the demo data \\(seed \\d+, 90 days\\) in (\\d+) ms");
    private static final Path SERVER_DIR = Path.of(System.getProperty("liberty.server.dir"));
    private static final Path WLP = SERVER_DIR.getParent().getParent().getParent();
    private static final Path H2_FILE = SERVER_DIR
            .getParent()
            .getParent()
            .getParent()
            .getParent()
            .getParent()
            .resolve("it-demo-data/factory");

    private static String server;
    private static Path dir;
    private static String base;
    private static final Client client = ClientBuilder.newClient();
    private static final Map<String, String> passwords = new HashMap<>();
    private static String log;

    @BeforeAll
    static void startOnAnEmptyDatabase() throws Exception {
        int http = freePort();
        int https = freePort();
        server = "it-demo-" + http;
        dir = WLP.resolve("usr/servers").resolve(server);
        base = "http://localhost:" + http;
        copyServer(http, https);
        deleteDatabase();
        long start = System.nanoTime();
        server("start");
        awaitStarted();
        System.out.println("DemoDataIT: the demo server started and loaded in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        log = Files.readString(dir.resolve("logs/messages.log"));
        Matcher m = ACCOUNT.matcher(log);
        while (m.find()) {
            assertEquals(null, passwords.put(m.group(1), m.group(2) + " " + m.group(3)), "one line per role");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (dir != null && run("status") == 0) {
            server("stop");
        }
    }

    @Test
    void everyRoleSignsInWithItsPrintedPasswordAndThePlantIsThere() throws Exception {
        Matcher loaded = LOADED.matcher(log);
        assertTrue(loaded.find(), "the load's line in " + dir.resolve("logs/messages.log"));
        System.out.println("DemoDataIT: the load took " + loaded.group(1) + " ms");
        assertEquals(
                List.of("admin", "customer", "manager", "mechanic", "user"),
                passwords.keySet().stream().sorted().toList());

        Map<String, JsonObject> sessions = new HashMap<>();
        for (Map.Entry<String, String> account : passwords.entrySet()) {
            String[] credentials = account.getValue().split(" ");
            JsonObject session = login(credentials[0], credentials[1]);
            assertEquals(account.getKey(), session.getJsonObject("user").getString("role"));
            sessions.put(account.getKey(), session);
        }
        String admin = sessions.get("admin").getString("access_token");
        String manager = sessions.get("manager").getString("access_token");
        assertFalse(sessions.get("customer").getJsonObject("user").isNull("customer_id"), "linked to a customer");
        assertFalse(sessions.get("mechanic").getJsonObject("user").isNull("employee_id"), "linked to an employee");

        for (String status : List.of("placed", "shipped", "completed", "cancelled")) {
            assertTrue(total(admin, "api/orders?status=" + status) > 0, "orders " + status);
        }
        for (String status :
                List.of("draft", "pending", "approved", "rejected", "partially_received", "received", "cancelled")) {
            assertTrue(total(manager, "api/purchase-orders?status=" + status) > 0, "purchase orders " + status);
        }
        for (String status : List.of("open", "in_progress", "completed", "cancelled")) {
            assertTrue(total(manager, "api/service-tickets?status=" + status) > 0, "service tickets " + status);
        }
        assertTrue(total(manager, "api/inventory/items?status=low_stock") > 0, "parts below their reorder level");
        assertTrue(total(manager, "api/production") > 50, "production records");
        assertTrue(
                total(sessions.get("customer").getString("access_token"), "api/customers/my-tickets") > 0,
                "the customer's own tickets");
        assertTrue(
                total(sessions.get("mechanic").getString("access_token"), "api/service-tickets") > 0,
                "the mechanic's tickets");
        assertTrue(total(sessions.get("user").getString("access_token"), "api/orders") > 0, "the user's orders");

        // the history spans the 90 days
        JsonObject oldest = get(admin, "api/orders?sort=order_date&per_page=1")
                .getJsonArray("data")
                .getJsonObject(0);
        Instant first = Instant.parse(oldest.getString("order_date"));
        assertTrue(
                first.isAfter(Instant.now().minus(91, ChronoUnit.DAYS))
                        && first.isBefore(Instant.now().minus(80, ChronoUnit.DAYS)),
                "the first order " + first);

        // the dashboard shows it at once (the summaries were rebuilt)
        JsonObject summary = get(manager, "api/dashboard/summary");
        JsonObject counts = summary.getJsonObject("counts");
        assertTrue(counts.getJsonNumber("orders").longValue() > 100, summary.toString());
        assertTrue(counts.getJsonNumber("customers").longValue() > 0, summary.toString());
        JsonObject inventory = summary.getJsonObject("inventory");
        assertTrue(inventory.getJsonNumber("low_stock_parts").longValue() > 0, summary.toString());
        assertTrue(inventory.getJsonNumber("stock_value").doubleValue() > 0, summary.toString());
        assertNotNull(summary.get("as_of"));
        assertFalse(get(manager, "api/analytics/top-products")
                .getJsonArray("products")
                .isEmpty());
        assertFalse(get(manager, "api/analytics/customer-ltv?threshold=0")
                .getJsonArray("customers")
                .isEmpty());
        JsonObject metrics = get(
                manager,
                "api/dashboard/metrics?date_from="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(89) + "&date_to="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertTrue(metrics.getJsonNumber("revenue").doubleValue() > 0, metrics.toString());
        assertTrue(metrics.getJsonNumber("units_produced").longValue() > 0, metrics.toString());

        server("stop");

        // every stock item's quantity is its ledger's sum; nothing is dated in the future or before the 90 days
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + H2_FILE + ";MODE=LEGACY", "factory", "factory");
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery(
                    "SELECT COUNT(*), SUM(CASE WHEN i.quantity = COALESCE((SELECT SUM(m.delta) "
                            + "FROM stock_movements m WHERE m.stock_item_id = i.id), 0) THEN 1 ELSE 0 END) FROM stock_items i")) {
                r.next();
                assertTrue(r.getInt(1) > 50, "stock items");
                assertEquals(r.getInt(1), r.getInt(2), "stock items whose quantity is their ledger's sum");
            }
            try (ResultSet r = s.executeQuery("SELECT MIN(occurred_at), MAX(occurred_at) FROM stock_movements")) {
                r.next();
                assertTrue(r.getTimestamp(1).toInstant().isAfter(Instant.now().minus(92, ChronoUnit.DAYS)));
                assertTrue(r.getTimestamp(2).toInstant().isBefore(Instant.now()));
            }
        }
        // a second start on a database that is not empty loads nothing: DemoPlantClaimIT, on the shared server
    }

    // ---- the demo server

    private static void copyServer(int http, int https) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        List<String> skipped = List.of("workarea", "logs", "resources", "configDropins", "tranlog", "data");
        try (Stream<Path> files = Files.walk(SERVER_DIR)) {
            for (Path from : files.toList()) {
                Path relative = SERVER_DIR.relativize(from);
                if (relative.getNameCount() > 0
                        && skipped.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path to = dir.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        // the test server's settings (its TLS keystore among them), with ports and a database of its own
        Map<String, String> settings = Map.of(
                "http.port",
                Integer.toString(http),
                "https.port",
                Integer.toString(https),
                "DB_KIND",
                "h2",
                "H2_FILE",
                H2_FILE.toString());
        List<String> bootstrap =
                new java.util.ArrayList<>(Files.readAllLines(SERVER_DIR.resolve("bootstrap.properties")).stream()
                        .filter(l -> !settings.containsKey(l.split("=", 2)[0].trim()))
                        .toList());
        settings.forEach((name, value) -> bootstrap.add(name + "=" + value));
        Files.write(dir.resolve("bootstrap.properties"), bootstrap);
        Files.writeString(
                dir.resolve("jvm.options"),
                String.join(
                        "\n",
                        "-Duser.timezone=UTC",
                        "-Xmx512m",
                        "-Dfile.encoding=UTF-8",
                        "-Dfactory.admin.password=Demo-IT-Boss-2026x",
                        "-Dfactory.password.iterations=10000",
                        ""));
    }

    private static void deleteDatabase() throws IOException {
        Files.createDirectories(H2_FILE.getParent());
        try (Stream<Path> files = Files.list(H2_FILE.getParent())) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    /** Liberty's {@code server start|stop} of the demo server, with FACTORY_DEMO_DATA=true; 0 asserted. */
    private static void server(String command) throws Exception {
        assertEquals(
                0, run(command), () -> "server " + command + " " + server + ": " + read(dir.resolve(command + ".out")));
    }

    private static int run(String command) throws Exception {
        ProcessBuilder process = new ProcessBuilder(WLP.resolve("bin/server").toString(), command, server)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(command + ".out").toFile());
        process.environment().put("FACTORY_DEMO_DATA", "true");
        Process p = process.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "server " + command);
        return p.exitValue();
    }

    private static void awaitStarted() throws Exception {
        if (Health.started(client, base, java.time.Duration.ofMinutes(5))) {
            return;
        }
        throw new AssertionError(server + " did not start in 5 minutes; see " + dir.resolve("logs/messages.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- requests

    private static JsonObject login(String username, String password) {
        try (Response r = client.target(base)
                .path("api/auth/login")
                .request()
                .post(Entity.json(object("username", username, "password", password)))) {
            String body = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), () -> "login " + username + ": " + body);
            return parse(body);
        }
    }

    private static JsonObject get(String token, String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        var target = client.target(base).path(parts[0]);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                target = target.queryParam(kv[0], kv[1]);
            }
        }
        try (Response r =
                target.request().header("Authorization", "Bearer " + token).get()) {
            String body = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), () -> "GET " + pathAndQuery + ": " + body);
            return parse(body);
        }
    }

    private static long total(String token, String pathAndQuery) {
        JsonObject page = get(token, pathAndQuery);
        JsonValue pagination = page.get("pagination");
        return pagination.asJsonObject().getJsonNumber("total").longValue();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
