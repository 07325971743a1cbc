package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect provider for the tests: Keycloak's distribution (unpacked into target/ by the build),
 * started once per test JVM by the first test that asks for it ({@code kc.sh start-dev}: an embedded database, plain
 * HTTP on 127.0.0.1:{@code keycloak.port}) and stopped when that JVM ends. The realms are made through Keycloak's
 * admin API, as an identity team would.
 */
public final class Keycloak {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "kc-admin-it";
    public static final String BASE = "http://127.0.0.1:" + System.getProperty("keycloak.port", "9187");

    private static Process process;
    private static Duration startTime;
    private static final Client CLIENT = ClientBuilder.newClient();

    private Keycloak() {}

    /** Starts Keycloak unless it runs; how long the start took (zero when it already ran). */
    public static synchronized Duration start() throws IOException, InterruptedException {
        if (process != null) {
            return Duration.ZERO;
        }
        Path home = Path.of(System.getProperty(
                "keycloak.home", "target/keycloak/keycloak-" + System.getProperty("keycloak.version", "26.5.6")));
        File script = home.resolve("bin/kc.sh").toFile();
        if (!script.isFile()) {
            throw new IllegalStateException(
                    "No Keycloak at " + home + ": the build unpacks it in pre-integration-test");
        }
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        script.getAbsolutePath(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + System.getProperty("keycloak.port", "9187"),
                        "--http-management-port=" + System.getProperty("keycloak.management.port", "9188"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak-it.log").toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // an explicit heap: several builds share the machine
        builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m -XX:TieredStopAtLevel=1");
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(Keycloak::stop));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(BASE + "/realms/master"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended at start-up: see " + home.resolve("keycloak-it.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startTime = Duration.ofNanos(System.nanoTime() - started);
                    System.out.println("Keycloak started in " + startTime.toMillis() + " ms");
                    return startTime;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within 300 s: see " + home.resolve("keycloak-it.log"));
    }

    private static synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An access token of the master realm's admin, for the admin API. */
    private static String adminToken() {
        return token("master", "admin-cli", ADMIN, ADMIN_PASSWORD);
    }

    /** A user's access token by the password grant of {@code client} (a test client with direct access grants). */
    public static String token(String realm, String client, String username, String password) {
        Form form = new Form()
                .param("grant_type", "password")
                .param("client_id", client)
                .param("username", username)
                .param("password", password)
                .param("scope", "openid");
        try (Response r = CLIENT.target(BASE + "/realms/" + realm + "/protocol/openid-connect/token")
                .request(MediaType.APPLICATION_JSON)
                .post(Entity.form(form))) {
            String body = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), body);
            return Json.createReader(new java.io.StringReader(body))
                    .readObject()
                    .getString("access_token");
        }
    }

    /** Replaces the realm (deleted first, if an earlier run left it) with this representation. */
    public static void realm(JsonObject representation) {
        String name = representation.getString("realm");
        admin("realms/" + name).delete().close();
        try (Response r = admin("realms").post(Entity.json(representation.toString()))) {
            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
        }
    }

    /**
     * Rotates the realm's signing key: a new RSA key of a higher priority than any before, which signs every token
     * from now on; its {@code kid}.
     */
    public static String rotateKey(String realm, int priority) {
        String realmId;
        try (Response r = admin("realms/" + realm).get()) {
            realmId = json(r).getString("id");
        }
        JsonObject component = Json.createObjectBuilder()
                .add("name", "rotated-" + priority)
                .add("providerId", "rsa-generated")
                .add("providerType", "org.keycloak.keys.KeyProvider")
                .add("parentId", realmId)
                .add(
                        "config",
                        Json.createObjectBuilder()
                                .add("priority", Json.createArrayBuilder().add(Integer.toString(priority)))
                                .add("keySize", Json.createArrayBuilder().add("2048"))
                                .add("active", Json.createArrayBuilder().add("true"))
                                .add("enabled", Json.createArrayBuilder().add("true")))
                .build();
        try (Response r = admin("realms/" + realm + "/components").post(Entity.json(component.toString()))) {
            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
        }
        try (Response r = admin("realms/" + realm + "/keys").get()) {
            return json(r).getJsonObject("active").getString("RS256");
        }
    }

    private static jakarta.ws.rs.client.Invocation.Builder admin(String path) {
        return CLIENT.target(BASE + "/admin/" + path)
                .request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + adminToken());
    }

    private static JsonObject json(Response r) {
        String body = r.readEntity(String.class);
        assertEquals(200, r.getStatus(), body);
        return Json.createReader(new java.io.StringReader(body)).readObject();
    }
}
