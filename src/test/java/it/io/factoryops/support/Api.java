package it.io.factoryops.support;

import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
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
        try {
            Health.started(CLIENT, BASE, java.time.Duration.ofMinutes(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** A body typed as text: for malformed or raw JSON (bodies are built with {@link JsonBody} otherwise). */
    public static Entity<String> json(String body) {
        return Entity.entity(body, "application/json");
    }

    /** A body built with {@link JsonBody}. */
    public static Entity<String> json(JsonStructure body) {
        return json(body.toString());
    }

    /** A GET of {@code target} (with its query parameters) as {@code token}; the caller closes the answer. */
    public static Response get(String token, WebTarget target) {
        return target.request().header("Authorization", "Bearer " + token).get();
    }

    /**
     * POSTs a new resource to {@code path} as {@code token}: asserts 201, its Location ({@code path/id}) and its
     * ETag (its version); returns it.
     */
    public static JsonObject created(String token, String path, JsonObject body) {
        try (Response r = as(token, path).post(json(body))) {
            assertEquals(201, r.getStatus(), () -> "creating " + body);
            JsonObject created = body(r);
            assertEquals(
                    BASE + "/" + path + "/" + created.getJsonNumber("id"),
                    r.getLocation().toString());
            assertEquals("\"" + created.getJsonNumber("version") + "\"", r.getHeaderString("ETag"));
            return created;
        }
    }

    /** POSTs an action without a body (ship, submit, approve, …) and asserts its 200. */
    public static void action(String token, String path) {
        try (Response r = as(token, path).post(null)) {
            String text = r.readEntity(String.class);
            assertEquals(200, r.getStatus(), () -> path + ": " + text);
        }
    }

    /** Asserts a 200 of this media type ({@code type/subtype}, parameters aside). */
    public static void assertOk(Response response, String mediaType) {
        assertEquals(200, response.getStatus());
        assertNotNull(response.getMediaType(), "no content type");
        assertEquals(
                mediaType,
                response.getMediaType().getType() + "/"
                        + response.getMediaType().getSubtype());
    }

    /** DELETEs {@code path} as {@code token} (204); a GET of it as {@code reader} is then 404 NOT_FOUND. */
    public static void assertDeleted(String token, String reader, String path) {
        try (Response r = as(token, path).delete()) {
            assertEquals(204, r.getStatus(), () -> "DELETE " + path + ": " + r.readEntity(String.class));
        }
        try (Response r = as(reader, path).get()) {
            assertProblem(r, 404, "NOT_FOUND");
        }
    }

    /** A resource's id. */
    public static long id(JsonObject resource) {
        return resource.getJsonNumber("id").longValue();
    }

    /** GETs {@code path} as {@code token}: asserts 200; returns the body. */
    public static JsonObject read(String token, String path) {
        try (Response r = as(token, path).get()) {
            assertEquals(200, r.getStatus(), path);
            return body(r);
        }
    }

    /** GETs a page of a list (the target with its query) as {@code token}: asserts 200; returns its data. */
    public static java.util.List<JsonObject> data(String token, WebTarget list) {
        try (Response r = get(token, list)) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class);
        }
    }

    public static JsonObject body(Response response) {
        String text = response.readEntity(String.class);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The status of a GET of {@code path} with this token. */
    public static int status(String token, String path) {
        try (Response r = as(token, path).get()) {
            return r.getStatus();
        }
    }

    /** Logs in and returns the whole login response. */
    public static JsonObject login(String username, String password) {
        try (Response r = anonymous("api/auth/login").post(json(object("username", username, "password", password)))) {
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
                .post(json(object(
                        "username",
                        username,
                        "email",
                        username + "@it.example",
                        "password",
                        PASSWORD,
                        "full_name",
                        "IT " + role,
                        "role",
                        role)))) {
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

    /** {@link #assertProblem} of an answer nobody reads further: closes it. */
    public static JsonObject assertRefused(Response response, int status, String code) {
        try (response) {
            return assertProblem(response, status, code);
        }
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet() + "@it.example";
    }
}
