package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Api.status;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * API clients and the client credentials grant: a token by HTTP Basic or body credentials, used within the client's
 * permissions only, its own rate limit, secret rotation with an overlap, revocation, and the audit log naming it.
 */
class ApiClientIT {

    private static int counter;

    private static synchronized String name(String prefix) {
        return prefix + "-" + Api.RUN.toLowerCase(Locale.ROOT) + "-" + (++counter);
    }

    /** A new client: its answer with client_id and client_secret. */
    private static JsonObject create(String token, int perMinute, String... permissions) {
        try (Response r = as(token, "api/api-clients")
                .post(json(object(
                        "name",
                        name("erp"),
                        "permissions",
                        array((Object[]) permissions),
                        "rate_limit_per_minute",
                        perMinute)))) {
            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
            return body(r);
        }
    }

    private static String clientId(JsonObject created) {
        return created.getJsonObject("client").getString("client_id");
    }

    private static long id(JsonObject created) {
        return created.getJsonObject("client").getJsonNumber("id").longValue();
    }

    private static Response tokenByBody(String clientId, String secret) {
        return Api.anonymous("api/oauth/token")
                .post(form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A form-encoded body of names and values (the test client's contract check reads strings). */
    private static Entity<String> form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return Entity.entity(body.toString(), MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static Response tokenByBasic(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Api.target("api/oauth/token")
                .request()
                .header("Authorization", "Basic " + basic)
                .post(form("grant_type", "client_credentials"));
    }

    private static String token(Response response) {
        try (response) {
            assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
            assertEquals("no-store", response.getHeaderString("Cache-Control"));
            JsonObject body = body(response);
            assertEquals("Bearer", body.getString("token_type"));
            assertTrue(body.getInt("expires_in") > 0 && body.getInt("expires_in") <= 900);
            assertFalse(body.containsKey("refresh_token"), "no refresh token for clients");
            return body.getString("access_token");
        }
    }

    private static void assertInvalidClient(Response response) {
        try (response) {
            JsonObject problem = assertProblem(response, 401, "INVALID_CLIENT");
            assertEquals("invalid_client", problem.getString("error"));
            assertNotNull(response.getHeaderString("WWW-Authenticate"));
        }
    }

    @Test
    void aClientGetsATokenThatCarriesItsPermissionsOnly() {
        String admin = Api.tokenFor("admin");
        JsonObject created = create(admin, 600, "products:read", "orders:read");
        String secret = created.getString("client_secret");
        assertTrue(secret.length() >= 40);
        assertTrue(clientId(created).startsWith("fo_"));

        String byBody = token(tokenByBody(clientId(created), secret));
        String byBasic = token(tokenByBasic(clientId(created), secret));
        for (String token : new String[] {byBody, byBasic}) {
            assertEquals(200, status(token, "api/products"));
            assertEquals(200, status(token, "api/orders"));
            assertEquals(403, status(token, "api/customers"), "a user's permission the client was not given");
            assertEquals(403, status(token, "api/employees"));
            assertRefused(as(token, "api/orders").post(json(object("customer_id", 1))), 403, "FORBIDDEN");
        }

        try (Response r = as(admin, "api/api-clients/" + id(created)).get()) {
            JsonObject client = body(r);
            assertFalse(client.toString().contains(secret), "the secret is shown once");
            assertFalse(client.containsKey("client_secret"));
            assertTrue(client.containsKey("last_used_at"));
            assertEquals("client:" + client.getString("name"), client.getString("username"));
        }
        // the audit log names the client
        String actor = "client:" + created.getJsonObject("client").getString("name");
        try (Response r =
                as(admin, "api/audit-logs", "actor", actor, "action", "LOGIN").get()) {
            assertEquals(200, r.getStatus());
            assertEquals(2, body(r).getJsonArray("data").size());
        }
    }

    @Test
    void wrongCredentialsAndGrantsAreRefusedInOAuthAndProblemTerms() {
        JsonObject created = create(Api.tokenFor("admin"), 600, "products:read");
        assertInvalidClient(tokenByBody(clientId(created), "not-the-secret"));
        assertInvalidClient(tokenByBasic(clientId(created), "not-the-secret"));
        assertInvalidClient(tokenByBody("fo_unknown", created.getString("client_secret")));
        assertInvalidClient(Api.target("api/oauth/token")
                .request()
                .header("Authorization", "Basic %%%not-base64")
                .post(form("grant_type", "client_credentials")));
        try (Response r = Api.anonymous("api/oauth/token").post(form("grant_type", "password", "username", "admin"))) {
            assertEquals(
                    "unsupported_grant_type",
                    assertProblem(r, 400, "UNSUPPORTED_GRANT_TYPE").getString("error"));
        }
        try (Response r = Api.anonymous("api/oauth/token").post(form("client_id", "x"))) {
            assertEquals(
                    "invalid_request",
                    assertProblem(r, 400, "VALIDATION_FAILED").getString("error"));
        }
        // both ways at once is refused (RFC 6749 §2.3)
        String basic = Base64.getEncoder()
                .encodeToString((clientId(created) + ":" + created.getString("client_secret"))
                        .getBytes(StandardCharsets.UTF_8));
        try (Response r = Api.target("api/oauth/token")
                .request()
                .header("Authorization", "Basic " + basic)
                .post(form("grant_type", "client_credentials", "client_id", clientId(created)))) {
            assertEquals(
                    "invalid_request",
                    assertProblem(r, 400, "VALIDATION_FAILED").getString("error"));
        }
    }

    @Test
    void eachClientHasItsOwnRateLimit() {
        JsonObject slow = create(Api.tokenFor("admin"), 3, "products:read");
        String token = token(tokenByBody(clientId(slow), slow.getString("client_secret")));
        for (int i = 0; i < 3; i++) {
            try (Response r = as(token, "api/products").get()) {
                assertEquals(200, r.getStatus());
                assertEquals("3", r.getHeaderString("RateLimit-Limit"));
            }
        }
        assertRefused(as(token, "api/products").get(), 429, "RATE_LIMITED");
        // another client is not held back by this one
        JsonObject other = create(Api.tokenFor("admin"), 600, "products:read");
        assertEquals(
                200, status(token(tokenByBody(clientId(other), other.getString("client_secret"))), "api/products"));
    }

    @Test
    void aRotatedSecretOverlapsAndARevokedClientStops() {
        String admin = Api.tokenFor("admin");
        JsonObject created = create(admin, 600, "products:read");
        String first = created.getString("client_secret");
        String issued = token(tokenByBody(clientId(created), first));

        String second;
        try (Response r = as(admin, "api/api-clients/" + id(created) + "/rotate-secret")
                .post(json(object("overlap_minutes", 60)))) {
            assertEquals(200, r.getStatus());
            JsonObject rotated = body(r);
            second = rotated.getString("client_secret");
            assertNotNull(rotated.getJsonObject("client").getString("previous_secret_valid_until"));
        }
        token(tokenByBody(clientId(created), first)); // within the overlap
        token(tokenByBody(clientId(created), second));
        assertEquals(200, status(issued, "api/products"), "a rotation does not revoke issued tokens");

        String third;
        try (Response r = as(admin, "api/api-clients/" + id(created) + "/rotate-secret")
                .post(json(object("overlap_minutes", 0)))) {
            third = body(r).getString("client_secret");
        }
        assertInvalidClient(tokenByBody(clientId(created), first));
        assertInvalidClient(tokenByBody(clientId(created), second));
        String current = token(tokenByBody(clientId(created), third));

        try (Response r = as(admin, "api/api-clients/" + id(created)).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(as(current, "api/products").get(), 401, "TOKEN_REVOKED");
        assertInvalidClient(tokenByBody(clientId(created), third));
        try (Response r = as(admin, "api/api-clients/" + id(created)).get()) {
            assertFalse(body(r).getBoolean("active"));
        }
        assertRefused(
                as(admin, "api/api-clients/" + id(created) + "/rotate-secret").post(json(object())), 409, "CONFLICT");
    }

    @Test
    void nobodyGivesAClientMoreThanTheyHold() {
        for (String builtIn : new String[] {"manager", "user", "mechanic", "customer"}) {
            assertEquals(403, status(Api.tokenFor(builtIn), "api/api-clients"), builtIn);
        }
        String admin = Api.tokenFor("admin");
        // a manager allowed to manage clients, through a custom role
        String role = name("client-admin");
        try (Response r = as(admin, "api/custom-roles")
                .post(json(object("name", role, "permissions", array("api-clients:manage"))))) {
            assertEquals(201, r.getStatus());
        }
        String username = Api.createUser("manager");
        long account;
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            account = body(r).getJsonArray("data")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
        }
        try (Response r = as(admin, "api/auth/users/" + account).put(json(object("custom_roles", array(role))))) {
            assertEquals(200, r.getStatus());
        }
        String manager = Api.login(username, Api.PASSWORD).getString("access_token");
        assertRefused(
                as(manager, "api/api-clients")
                        .post(json(object("name", name("x"), "permissions", array("users:manage")))),
                403,
                "FORBIDDEN");
        JsonObject own = create(manager, 600, "suppliers:read");
        JsonObject strong = create(admin, 600, "orders:fulfil");
        assertRefused(as(manager, "api/api-clients/" + id(strong)).delete(), 403, "FORBIDDEN");
        assertRefused(
                as(manager, "api/api-clients/" + id(strong) + "/rotate-secret").post(json(object())), 403, "FORBIDDEN");
        try (Response r = as(manager, "api/api-clients/" + id(own)).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(
                as(admin, "api/api-clients")
                        .post(json(object("name", "Bad Name", "permissions", array("products:read")))),
                400,
                "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/api-clients")
                        .post(json(object(
                                "name",
                                own.getJsonObject("client").getString("name"),
                                "permissions",
                                array("products:read")))),
                409,
                "ALREADY_EXISTS");
    }
}
