package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Health;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;

/**
 * One Liberty server of the cluster tests (-Pcluster), started and stopped with {@code wlp/bin/server}. Node A
 * is the build's test server, node B a copy of its directory (the pom's cluster profile); both run the shipped
 * src/main/liberty/config, configured only by environment variables, as in a container: the MySQL/MariaDB or PostgreSQL
 * database of DB_URL, the signing keystore generated for the run, and short timer intervals.
 */
final class ClusterNode {

    /**
     * The persistent timers' failover threshold and poll interval: Liberty's smallest (missedTaskThreshold and
     * pollInterval must be 100 s to 2h30m with failover: CWWKC1520E, and the executor does not start).
     */
    static final int TIMER_FAILOVER_SECONDS = 100;

    static final int TIMER_POLL_SECONDS = 100;
    static final int ANALYTICS_INTERVAL_SECONDS = 5;
    /** Requests per minute of one principal, counted by the whole cluster (Bucket4j's buckets in the database). */
    static final int AUTHENTICATED_PER_MINUTE = 150;
    /** The most tokens of a principal's bucket a node leases in one write (FACTORY_RATE_LIMIT_LEASE_TOKENS, the default). */
    static final int RATE_LIMIT_LEASE_TOKENS = 20;
    /** How long a node keeps a lease (FACTORY_RATE_LIMIT_LEASE_MILLIS, the default). */
    static final int RATE_LIMIT_LEASE_MILLIS = 1000;
    /** How long a node remembers that a token is not revoked (FACTORY_AUTH_TOKEN_CHECK_CACHE_SECONDS). */
    static final int TOKEN_CHECK_CACHE_SECONDS = 5;
    /** The monitoring account of FACTORY_METRICS_ACCESS=password, as deploy/ sets it. */
    static final String METRICS_USER = "prometheus";

    static final String METRICS_PASSWORD = "cluster-it-metrics-2026";

    private static final Path WLP = Path.of(System.getProperty("wlp.dir"));
    private static final Pattern REFRESHES = Pattern.compile(
            "(?m)^analytics_refresh_duration_seconds_count\\{[^}]*mp_scope=\"application\"[^}]*\\} (\\S+)$");
    /** A message of level E(rror) in messages.log: "[time] thread logger E CODE: text". */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\[[^]]+\\] \\S+ \\S+\\s+E ");

    final String label;
    final String server;
    final int httpPort;
    final int httpsPort;
    final String base;
    final String httpsBase;
    /** Not Api's client: Api waits for node A when it is first used, before the nodes are started. */
    private final Client client = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
            .connectionPoolSize(32)
            .maxPooledPerRoute(32)
            .build();

    private Client httpsClient;

    /** How this node's environment differs from what an operator sets for every node: a null value unsets. */
    private final Map<String, String> changes;

    private ClusterNode(String label, String server, int httpPort, int httpsPort, Map<String, String> changes) {
        this.label = label;
        this.server = server;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.base = "http://localhost:" + httpPort;
        this.httpsBase = "https://localhost:" + httpsPort;
        this.changes = changes;
    }

    private ClusterNode(String label, String server, int httpPort, int httpsPort) {
        this(label, server, httpPort, httpsPort, Map.of());
    }

    /** The same server with these environment variables set, or unset where the value is null. */
    ClusterNode with(Map<String, String> environment) {
        return new ClusterNode(label, server, httpPort, httpsPort, environment);
    }

    static ClusterNode a() {
        return configured("A", "cluster.a.server.name", "http.port", "https.port");
    }

    static ClusterNode b() {
        return configured("B", "cluster.b.server.name", "cluster.b.http.port", "cluster.b.https.port");
    }

    /** A node whose server name and ports the build passes as these system properties. */
    private static ClusterNode configured(String label, String server, String httpPort, String httpsPort) {
        return new ClusterNode(
                label, System.getProperty(server), Integer.getInteger(httpPort), Integer.getInteger(httpsPort));
    }

    /**
     * The node of the fault tests (DatabaseOutageIT): a third copy of node A's directory on ports of its own,
     * with these environment variables on top of every node's (its own DB_URL, through a proxy).
     */
    static ClusterNode outage(Map<String, String> overrides) {
        return new ClusterNode(
                "O",
                System.getProperty("outage.server.name"),
                Integer.getInteger("outage.http.port"),
                Integer.getInteger("outage.https.port"),
                overrides);
    }

    /** Starts the server and waits until the application answers /health/started (at most 5 minutes). */
    void start() throws Exception {
        server("start");
        if (Health.started(client, base, java.time.Duration.ofMinutes(5))) {
            return;
        }
        throw new AssertionError("node " + label + " (" + server + ") did not start in 5 minutes; see " + log());
    }

    /** Liberty's `server stop`: the server stops accepting requests and finishes the ones it has (quiesce). */
    void stop() throws Exception {
        server("stop");
    }

    boolean running() throws Exception {
        return server("status") == 0;
    }

    private int server(String command) throws Exception {
        // target/it-cluster/<server>-<command>.out
        Path out = WLP.getParent().getParent().resolve("it-cluster").resolve(server + "-" + command + ".out");
        Files.createDirectories(out.getParent());
        ProcessBuilder process = new ProcessBuilder(WLP.resolve("bin/server").toString(), command, server)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        process.environment().putAll(environment());
        changes.forEach((name, value) -> {
            if (value == null) {
                process.environment().remove(name); // also when the build's own environment has it
            }
        });
        Process p = process.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("server " + command + " " + server + " took over 5 minutes");
        }
        int exit = p.exitValue();
        if (!command.equals("status")) {
            assertEquals(0, exit, () -> "server " + command + " " + server + ": " + read(out));
        }
        return exit;
    }

    /** What an operator sets for each node of a cluster; only the ports differ between the two. */
    private Map<String, String> environment() {
        String dbUrl = System.getenv("DB_URL");
        assertTrue(
                dbUrl != null && !dbUrl.isBlank(),
                "-Pcluster needs DB_URL, DB_USER, DB_PASSWORD of an empty MySQL/MariaDB or PostgreSQL database (see "
                        + "docs/OPERATIONS.md)");
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("http_port", Integer.toString(httpPort)),
                Map.entry("https_port", Integer.toString(httpsPort)),
                Map.entry("DB_KIND", SiblingDatabase.kind()),
                Map.entry("FACTORY_KEYSTORE_FILE", System.getProperty("cluster.keystore")),
                Map.entry("FACTORY_KEYSTORE_PASSWORD", System.getProperty("cluster.keystore.password")),
                Map.entry("FACTORY_TIMER_FAILOVER_AFTER", TIMER_FAILOVER_SECONDS + "s"),
                Map.entry("FACTORY_TIMER_POLL_INTERVAL", TIMER_POLL_SECONDS + "s"),
                Map.entry("FACTORY_ANALYTICS_REFRESH_INTERVAL_SECONDS", Integer.toString(ANALYTICS_INTERVAL_SECONDS)),
                Map.entry("FACTORY_AUTH_TOKEN_CHECK_CACHE_SECONDS", Integer.toString(TOKEN_CHECK_CACHE_SECONDS)),
                Map.entry("FACTORY_ADMIN_USERNAME", Api.ADMIN),
                Map.entry("FACTORY_ADMIN_PASSWORD", Api.ADMIN_PASSWORD),
                Map.entry("FACTORY_PASSWORD_ITERATIONS", "10000"),
                Map.entry("FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE", Integer.toString(AUTHENTICATED_PER_MINUTE)),
                Map.entry("FACTORY_RATE_LIMIT_LEASE_TOKENS", Integer.toString(RATE_LIMIT_LEASE_TOKENS)),
                Map.entry("FACTORY_RATE_LIMIT_LEASE_MILLIS", Integer.toString(RATE_LIMIT_LEASE_MILLIS)),
                Map.entry("FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE", "100000"),
                // what deploy/ sets: /metrics for the monitoring account over HTTPS, no API in /openapi
                Map.entry("FACTORY_METRICS_ACCESS", "password"),
                Map.entry("FACTORY_METRICS_USER", METRICS_USER),
                Map.entry("FACTORY_METRICS_PASSWORD", METRICS_PASSWORD),
                Map.entry("FACTORY_OPENAPI", "off"),
                // ClusterIT's webhook receiver listens on 127.0.0.1 over plain HTTP
                Map.entry("FACTORY_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1")));
        changes.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        return environment;
    }

    Path log() {
        return WLP.resolve("usr/servers").resolve(server).resolve("logs/messages.log");
    }

    String logText() {
        return read(log());
    }

    /** The error messages (level E) of this node's log. */
    List<String> errors() {
        return logText().lines().filter(l -> ERROR_LINE.matcher(l).find()).toList();
    }

    /** How many analytics refreshes this node ran since it started (its /metrics, as the monitoring account). */
    long refreshes() {
        try (Response r = metrics(METRICS_USER + ":" + METRICS_PASSWORD)) {
            assertEquals(200, r.getStatus(), "GET /metrics of node " + label);
            Matcher m = REFRESHES.matcher(r.readEntity(String.class));
            return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        }
    }

    /** GET /metrics over HTTPS with these Basic credentials ("user:password"; null: none). */
    Response metrics(String credentials) {
        Invocation.Builder request =
                https().target(httpsBase).path("metrics").request().header("Accept", "text/plain;version=0.0.4");
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return request.get();
    }

    /** The certificate this node serves on its HTTPS port (Liberty's generated one: FACTORY_TLS_CERTIFICATE unset). */
    java.security.cert.X509Certificate servedCertificate() throws Exception {
        try (javax.net.ssl.SSLSocket socket =
                (javax.net.ssl.SSLSocket) trustingThisNode().getSocketFactory().createSocket("localhost", httpsPort)) {
            socket.startHandshake();
            return (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** A client of this node's HTTPS port that trusts its certificate (one per node: reads of /metrics stay quick). */
    private synchronized Client https() {
        if (httpsClient == null) {
            try {
                httpsClient = ClientBuilder.newBuilder()
                        .sslContext(trustingThisNode())
                        .hostnameVerifier((host, session) -> host.equals("localhost"))
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return httpsClient;
    }

    /**
     * Trusts the certificate Liberty generated for this node's HTTPS (its defaultKeyStore, resources/security/key.p12,
     * password keystore_password of the server.env the build generated).
     */
    private javax.net.ssl.SSLContext trustingThisNode() throws Exception {
        Path dir = WLP.resolve("usr/servers").resolve(server);
        String password = Files.readAllLines(dir.resolve("server.env")).stream()
                .filter(l -> l.startsWith("keystore_password="))
                .map(l -> l.substring("keystore_password=".length()))
                .findFirst()
                .orElseThrow();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("resources/security/key.p12"))) {
            store.load(in, password.toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /**
     * The login answer of this node for these credentials (200 asserted). Its own JSON parsing, not Api's: Api's
     * first use waits for the build's test server, which the tests of a fresh node may not have started.
     */
    JsonObject login(String username, String password) {
        try (Response r = anonymous("api/auth/login")
                .post(Entity.json("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))) {
            String body = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), () -> "login on " + this + ": " + body);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** {@link #login}'s access token. */
    String token(String username, String password) {
        return login(username, password).getString("access_token");
    }

    Invocation.Builder anonymous(String path) {
        return client.target(base).path(path).request();
    }

    Invocation.Builder as(String token, String path) {
        return anonymous(path).header("Authorization", "Bearer " + token);
    }

    @Override
    public String toString() {
        return "node " + label + " (" + server + ", port " + httpPort + ")";
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
