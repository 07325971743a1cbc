package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, tokens, logout and one's own account. */
class AuthIT {

    @Test
    void loginReturnsTokensAndTheAccount() {
        String username = Api.createUser("user");
        JsonObject login = Api.login(username, Api.PASSWORD);
        assertEquals("Bearer", login.getString("token_type"));
        assertTrue(login.getInt("expires_in") > 800 && login.getInt("expires_in") <= 900);
        assertFalse(login.getString("refresh_token").isBlank());
        assertFalse(login.getString("message").isBlank());
        JsonObject user = login.getJsonObject("user");
        assertEquals(username, user.getString("username"));
        assertEquals("user", user.getString("role"));
        assertFalse(user.containsKey("password_hash"));
        assertFalse(login.toString().contains(Api.PASSWORD));

        JsonObject claims = Tokens.claims(login.getString("access_token"));
        assertEquals("RS256", Tokens.header(login.getString("access_token")).getString("alg"));
        assertEquals(username, claims.getString("upn"));
        assertEquals(user.getJsonNumber("id").toString(), claims.getString("sub"));
        assertEquals(List.of("user"), claims.getJsonArray("groups").getValuesAs(JsonValue::toString)
                .stream().map(s -> s.replace("\"", "")).toList());
        for (String claim : new String[] {"iss", "aud", "exp", "iat", "jti"}) {
            assertTrue(claims.containsKey(claim), claim);
        }
    }

    @Test
    void loginByEmailWorks() {
        String username = Api.createUser("manager");
        try (Response r = anonymous("api/auth/login").post(json(
                "{\"email\":\"" + username + "@it.example\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void loginFailuresAreUniform401Problems() {
        String username = Api.createUser("user");
        try (Response r = anonymous("api/auth/login").post(json(
                "{\"username\":\"" + username + "\",\"password\":\"wrong-password-1\"}"))) {
            assertProblem(r, 401, "INVALID_CREDENTIALS");
        }
        try (Response r = anonymous("api/auth/login").post(json(
                "{\"username\":\"nobody-" + Api.RUN + "\",\"password\":\"wrong-password-1\"}"))) {
            assertProblem(r, 401, "INVALID_CREDENTIALS");
        }
        try (Response r = anonymous("api/auth/login").post(json("{\"username\":\"" + username + "\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
        try (Response r = anonymous("api/auth/login").post(json("{\"password\":\"x\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void loginIsRateLimitedPerAccountAndAddress() {
        String username = "ratelimited-" + Api.RUN;
        int limited = 0;
        Response last = null;
        for (int i = 0; i < 11; i++) {
            Response r = anonymous("api/auth/login").post(json(
                    "{\"username\":\"" + username + "\",\"password\":\"wrong-password-1\"}"));
            if (r.getStatus() == 429) {
                limited++;
                last = r;
            } else {
                assertEquals(401, r.getStatus());
                r.close();
            }
        }
        assertEquals(1, limited, "the 11th attempt within a minute is refused");
        assertNotNull(last.getHeaderString("Retry-After"));
        assertTrue(Long.parseLong(last.getHeaderString("Retry-After")) >= 1);
        assertEquals("10", last.getHeaderString("RateLimit-Limit"));
        assertEquals("0", last.getHeaderString("RateLimit-Remaining"));
        assertNotNull(last.getHeaderString("RateLimit-Reset"));
        assertProblem(last, 429, "RATE_LIMITED");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        String username = Api.createUser("user");
        JsonObject first = Api.login(username, Api.PASSWORD);
        String r1 = first.getString("refresh_token");

        JsonObject second;
        try (Response r = anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"" + r1 + "\"}"))) {
            assertEquals(200, r.getStatus());
            second = body(r);
        }
        String r2 = second.getString("refresh_token");
        assertNotEquals(r1, r2);
        try (Response r = as(second.getString("access_token"), "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        // r1 again: reuse detected, the whole family (r2 too) is revoked
        try (Response r = anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"" + r1 + "\"}"))) {
            assertProblem(r, 401, "REFRESH_TOKEN_REUSED");
        }
        try (Response r = anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"" + r2 + "\"}"))) {
            assertProblem(r, 401, "REFRESH_TOKEN_REUSED");
        }
        try (Response r = anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"made-up-token\"}"))) {
            assertProblem(r, 401, "INVALID_REFRESH_TOKEN");
        }
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        String username = Api.createUser("mechanic");
        JsonObject login = Api.login(username, Api.PASSWORD);
        String access = login.getString("access_token");
        try (Response r = as(access, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(access, "api/auth/logout").post(json(
                "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"))) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(access, "api/auth/me").get()) {
            assertProblem(r, 401, "TOKEN_REVOKED");
        }
        try (Response r = anonymous("api/auth/refresh").post(json(
                "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"))) {
            assertEquals(401, r.getStatus());
        }
    }

    @Test
    void meAndProfile() {
        String username = Api.createUser("customer");
        String token = Api.login(username, Api.PASSWORD).getString("access_token");
        try (Response r = as(token, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
            assertEquals("customer", body(r).getString("role"));
        }
        String email = Api.uniqueEmail("profile");
        try (Response r = as(token, "api/auth/profile").put(json(
                "{\"full_name\":\"New Name\",\"email\":\"" + email.toUpperCase() + "\"}"))) {
            assertEquals(200, r.getStatus());
            JsonObject me = body(r);
            assertEquals("New Name", me.getString("full_name"));
            assertEquals(email, me.getString("email"));
        }
        try (Response r = as(token, "api/auth/profile").put(json("{\"email\":\"admin@factory.local\"}"))) {
            assertProblem(r, 409, "ALREADY_EXISTS");
        }
        try (Response r = as(token, "api/auth/profile").put(json("{\"email\":\"nope\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void changePasswordEnforcesThePolicyAndRevokesTokens() {
        String username = Api.createUser("user");
        JsonObject login = Api.login(username, Api.PASSWORD);
        String token = login.getString("access_token");
        try (Response r = as(token, "api/auth/change-password").post(json(
                "{\"current_password\":\"wrong-one-123\",\"new_password\":\"Another-Passw0rd-77\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
        for (String weak : new String[] {"short1A", "lettersonlyletters", "1234567890123", username + "-Abc-123"}) {
            try (Response r = as(token, "api/auth/change-password").post(json(
                    "{\"current_password\":\"" + Api.PASSWORD + "\",\"new_password\":\"" + weak + "\"}"))) {
                assertProblem(r, 400, "WEAK_PASSWORD");
            }
        }
        try (Response r = as(token, "api/auth/change-password").post(json(
                "{\"current_password\":\"" + Api.PASSWORD + "\",\"new_password\":\"Another-Passw0rd-77\"}"))) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(token, "api/auth/me").get()) {
            assertProblem(r, 401, "TOKEN_REVOKED");
        }
        try (Response r = anonymous("api/auth/refresh").post(json(
                "{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"))) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = anonymous("api/auth/login").post(json(
                "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertProblem(r, 401, "INVALID_CREDENTIALS");
        }
        assertNotNull(Api.login(username, "Another-Passw0rd-77").getString("access_token"));
    }

    @Test
    void forgedTamperedExpiredAndUnsignedTokensAreRejected() {
        String real = Api.tokenFor("user");
        try (Response r = as(real, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        String expired = Tokens.withClaims(real, Map.of(
                "iat", Tokens.epoch(Instant.now().minusSeconds(3600)),
                "exp", Tokens.epoch(Instant.now().minusSeconds(600))), Tokens.serverKey());
        String otherKey = Tokens.withClaims(real, Map.of(), Tokens.otherKey());
        String tampered = Tokens.withClaims(real, Map.of("groups",
                Json.createArrayBuilder().add("super_admin").add("admin").add("manager").add("user").build()), null);
        String unsigned = Tokens.unsigned(real);
        String wrongIssuer = Tokens.withClaims(real, Map.of("iss", Json.createValue("https://evil.example")),
                Tokens.serverKey());
        String wrongAudience = Tokens.withClaims(real, Map.of("aud", Json.createValue("someone-else")),
                Tokens.serverKey());
        for (String bad : new String[] {expired, otherKey, tampered, unsigned, wrongIssuer, wrongAudience, "garbage"}) {
            try (Response r = as(bad, "api/auth/me").get()) {
                assertEquals(401, r.getStatus(), "rejected: " + bad);
                assertTrue(r.getHeaderString("WWW-Authenticate").startsWith("Bearer"));
            }
            try (Response r = as(bad, "api/employees").get()) {
                assertEquals(401, r.getStatus());
            }
        }
        // the server's own key with fresh claims is accepted: the rejections above are about the token
        String resigned = Tokens.withClaims(real, Map.of(), Tokens.serverKey());
        try (Response r = as(resigned, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void rolesAreListed() {
        try (Response r = as(Api.tokenFor("customer"), "api/roles").get()) {
            assertEquals(200, r.getStatus());
            String text = r.readEntity(String.class);
            for (String role : new String[] {"super_admin", "admin", "manager", "user", "mechanic", "customer"}) {
                assertTrue(text.contains("\"" + role + "\""), role);
            }
        }
        try (Response r = anonymous("api/roles").get()) {
            assertProblem(r, 401, "UNAUTHORIZED");
        }
    }
}
