package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Map;

/**
 * The black-box client of the integration tests: real HTTP to the Liberty server that the build
 * started (port from the {@code http.port} system property), a JAX-RS client, JSON read as JSON-P.
 */
public final class Api {

    public static final String BASE = "http://localhost:" + System.getProperty("http.port", "9180");
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Factory-Ops-IT-2026x";
    public static final String PASSWORD = "Sturdy-Passw0rd-42";
    /** Makes names unique per test run: the H2 database survives between runs. */
    public static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static final Client CLIENT =
            OpenApiContract.register(ClientBuilder.newBuilder().build(), BASE);
    /**
     * Tokens by who they are for, each re-issued when older than {@link #TOKEN_REUSE}: the server's access
     * tokens live 15 minutes (FACTORY_JWT_TTL_SECONDS=900), and a slow run of the suite outlives them.
     */
    private static final Map<String, IssuedToken> TOKENS = new java.util.HashMap<>();

    private static final java.time.Duration TOKEN_REUSE = java.time.Duration.ofMinutes(10);

    private record IssuedToken(String username, String token, long issuedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - issuedAtNanos < TOKEN_REUSE.toNanos();
        }
    }

    static {
        awaitApplication();
    }

    private Api() {}

    /**
     * The build's test-start waits for the server, not for the application: on a busy machine the
     * application may still be starting when the first test runs. Waits until the API answers (at most
     * 3 minutes).
     */
    private static void awaitApplication() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (Response r =
                    CLIENT.target(BASE).path("health/started").request().get()) {
                if (r.getStatus() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A client of its own with a connection per caller, for tests that send many requests at once. */
    public static Client parallelClient(int connections) {
        return ((org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder) ClientBuilder.newBuilder())
                .connectionPoolSize(connections)
                .maxPooledPerRoute(connections)
                .build();
    }

    public static WebTarget target(String path) {
        return CLIENT.target(BASE).path(path);
    }

    public static Invocation.Builder anonymous(String path) {
        return target(path).request();
    }

    public static Invocation.Builder as(String token, String path) {
        return target(path).request().header("Authorization", "Bearer " + token);
    }

    /** {@link #as} with query parameters: name, value, name, value, … */
    public static Invocation.Builder as(String token, String path, Object... query) {
        WebTarget target = target(path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            target = target.queryParam(String.valueOf(query[i]), query[i + 1]);
        }
        return target.request().header("Authorization", "Bearer " + token);
    }

    public static Entity<String> json(String body) {
        return Entity.entity(body, "application/json");
    }

    public static JsonObject body(Response response) {
        String text = response.readEntity(String.class);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Logs in and returns the whole login response. */
    public static JsonObject login(String username, String password) {
        try (Response r = anonymous("api/auth/login")
                .post(json("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))) {
            assertEquals(200, r.getStatus(), () -> "login of " + username + " failed");
            return body(r);
        }
    }

    /** The first super admin's token. */
    public static synchronized String adminToken() {
        return cachedToken("super admin", () -> ADMIN);
    }

    /** A token of a fresh account with this role (created once per run by the super admin). */
    public static synchronized String tokenFor(String role) {
        return cachedToken("role " + role, () -> createUser(role));
    }

    /** The cached token for {@code key}, or a new login of its account ({@code account} creates it once per run). */
    private static String cachedToken(String key, java.util.function.Supplier<String> account) {
        IssuedToken issued = TOKENS.get(key);
        if (issued == null || !issued.fresh()) {
            String username = issued == null ? account.get() : issued.username(); // the same account again
            String password = username.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD;
            issued = new IssuedToken(username, login(username, password).getString("access_token"), System.nanoTime());
            TOKENS.put(key, issued);
        }
        return issued.token();
    }

    /** Creates an account with this role as the super admin; returns its username. */
    public static String createUser(String role) {
        String username = "it-" + role.replace('_', '-') + "-" + RUN + "-" + COUNTER.incrementAndGet();
        try (Response r = as(adminToken(), "api/auth/users")
                .post(json("{\"username\":\"" + username
                        + "\",\"email\":\"" + username + "@it.example\",\"password\":\"" + PASSWORD
                        + "\",\"full_name\":\"IT " + role + "\",\"role\":\"" + role + "\"}"))) {
            assertEquals(201, r.getStatus(), () -> "could not create a " + role);
        }
        return username;
    }

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Asserts an RFC 9457 problem with this status and code, consistent request id; returns its body. */
    public static JsonObject assertProblem(Response response, int status, String code) {
        String text = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), () -> "unexpected status; body: " + text);
        assertNotNull(response.getMediaType(), "problem without content type");
        assertEquals(
                "application/problem+json",
                response.getMediaType().getType() + "/"
                        + response.getMediaType().getSubtype(),
                "content type");
        JsonObject problem;
        try (var reader = Json.createReader(new StringReader(text))) {
            problem = reader.readObject();
        }
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"), () -> "body: " + text);
        assertTrue(problem.getString("type").startsWith("/problems/"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(text.contains("Exception"), () -> "internals leak: " + text);
        assertFalse(text.contains("at io.factoryops"), () -> "stack trace leak: " + text);
        String requestId = response.getHeaderString("X-Request-Id");
        assertNotNull(requestId, "X-Request-Id header");
        assertEquals(requestId, problem.getString("request_id"));
        return problem;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet() + "@it.example";
    }
}
