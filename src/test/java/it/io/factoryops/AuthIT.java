package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.RawHttp;
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
        // the built-in role, then the permissions it holds (what @RolesAllowed names)
        assertEquals(
                List.of(
                        "user",
                        "account:self",
                        "notifications:own",
                        "customers:read",
                        "products:read",
                        "orders:read",
                        "orders:write",
                        "inventory:read"),
                claims.getJsonArray("groups").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());
        for (String claim : new String[] {"iss", "aud", "exp", "iat", "jti"}) {
            assertTrue(claims.containsKey(claim), claim);
        }
    }

    @Test
    void loginByEmailWorks() {
        String username = Api.createUser("manager");
        try (Response r = anonymous("api/auth/login")
                .post(json(object("email", username + "@it.example", "password", Api.PASSWORD)))) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void loginFailuresAreUniform401Problems() {
        String username = Api.createUser("user");
        assertRefused(
                anonymous("api/auth/login").post(json(object("username", username, "password", "wrong-password-1"))),
                401,
                "INVALID_CREDENTIALS");
        assertRefused(
                anonymous("api/auth/login")
                        .post(json(object("username", "nobody-" + Api.RUN, "password", "wrong-password-1"))),
                401,
                "INVALID_CREDENTIALS");
        assertRefused(anonymous("api/auth/login").post(json(object("username", username))), 400, "VALIDATION_FAILED");
        assertRefused(anonymous("api/auth/login").post(json(object("password", "x"))), 400, "VALIDATION_FAILED");
    }

    @Test
    void loginIsRateLimitedPerAccountAndAddress() {
        String username = "ratelimited-" + Api.RUN;
        int limited = 0;
        Response last = null;
        for (int i = 0; i < 11; i++) {
            Response r = anonymous("api/auth/login")
                    .post(json(object("username", username, "password", "wrong-password-1")));
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

    /**
     * Every login attempt also counts per account, from all addresses and identifiers together (20 a
     * minute on the test server, factory.rate-limit.login-per-account-per-minute): ten sign-ins by
     * username from 127.0.0.1 and ten by email from 127.0.0.2 stay within each address's own bucket
     * (10), and a third address is refused with 429 even with the right password, long before its own
     * bucket is used up (the account's bucket refills one attempt every 3 s while the test runs).
     */
    @Test
    void loginIsAlsoRateLimitedPerAccountAcrossAddresses() {
        String username = Api.createUser("user");
        JsonObject byName = object("username", username, "password", Api.PASSWORD);
        JsonObject byEmail = object("email", username + "@it.example", "password", Api.PASSWORD);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    200, RawHttp.postJson("127.0.0.1", "api/auth/login", byName).status());
            assertEquals(
                    200,
                    RawHttp.postJson("127.0.0.2", "api/auth/login", byEmail).status());
        }
        RawHttp.Answer refused = null;
        int allowedFromThird = 0;
        for (int i = 0; i < 9 && refused == null; i++) {
            RawHttp.Answer r = RawHttp.postJson("127.0.0.3", "api/auth/login", byName);
            if (r.status() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.status(), r.body());
                allowedFromThird++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertNotNull(refused, "no 429 from a third address after 29 sign-ins in " + seconds + " s");
        int refilled = (int) Math.ceil(seconds / 3);
        int third = allowedFromThird;
        assertTrue(third <= refilled, () -> third + " more sign-ins in " + seconds + " s");
        assertEquals("20", refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        JsonObject problem =
                Json.createReader(new java.io.StringReader(refused.body())).readObject();
        assertEquals("RATE_LIMITED", problem.getString("code"));
        assertEquals(429, problem.getInt("status"));
        assertEquals(refused.header("X-Request-Id"), problem.getString("request_id"));
        assertFalse(refused.body().contains(username), "the problem does not name the account");

        // another account from the same third address is not affected
        String other = Api.createUser("user");
        assertEquals(
                200,
                RawHttp.postJson("127.0.0.3", "api/auth/login", object("username", other, "password", Api.PASSWORD))
                        .status());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        String username = Api.createUser("user");
        JsonObject first = Api.login(username, Api.PASSWORD);
        String r1 = first.getString("refresh_token");

        JsonObject second;
        try (Response r = anonymous("api/auth/refresh").post(json(object("refresh_token", r1)))) {
            assertEquals(200, r.getStatus());
            second = body(r);
        }
        String r2 = second.getString("refresh_token");
        assertNotEquals(r1, r2);
        try (Response r = as(second.getString("access_token"), "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        // r1 again: reuse detected, the whole family (r2 too) is revoked
        assertRefused(
                anonymous("api/auth/refresh").post(json(object("refresh_token", r1))), 401, "REFRESH_TOKEN_REUSED");
        assertRefused(
                anonymous("api/auth/refresh").post(json(object("refresh_token", r2))), 401, "REFRESH_TOKEN_REUSED");
        assertRefused(
                anonymous("api/auth/refresh").post(json(object("refresh_token", "made-up-token"))),
                401,
                "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        String username = Api.createUser("mechanic");
        JsonObject login = Api.login(username, Api.PASSWORD);
        String access = login.getString("access_token");
        try (Response r = as(access, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r =
                as(access, "api/auth/logout").post(json(object("refresh_token", login.getString("refresh_token"))))) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(as(access, "api/auth/me").get(), 401, "TOKEN_REVOKED");
        try (Response r =
                anonymous("api/auth/refresh").post(json(object("refresh_token", login.getString("refresh_token"))))) {
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
        try (Response r = as(token, "api/auth/profile")
                .put(json(object("full_name", "New Name", "email", email.toUpperCase())))) {
            assertEquals(200, r.getStatus());
            JsonObject me = body(r);
            assertEquals("New Name", me.getString("full_name"));
            assertEquals(email, me.getString("email"));
        }
        assertRefused(as(token, "api/auth/profile").put(json(object("email", "admin@factory.local"))), 409, "CONFLICT");
        assertRefused(as(token, "api/auth/profile").put(json(object("email", "nope"))), 400, "VALIDATION_FAILED");
    }

    @Test
    void changePasswordEnforcesThePolicyAndRevokesTokens() {
        String username = Api.createUser("user");
        JsonObject login = Api.login(username, Api.PASSWORD);
        String token = login.getString("access_token");
        assertRefused(
                as(token, "api/auth/change-password")
                        .post(json(object("current_password", "wrong-one-123", "new_password", "Another-Passw0rd-77"))),
                400,
                "VALIDATION_FAILED");
        for (String weak : new String[] {"short1A", "lettersonlyletters", "1234567890123", username + "-Abc-123"}) {
            assertRefused(
                    as(token, "api/auth/change-password")
                            .post(json(object("current_password", Api.PASSWORD, "new_password", weak))),
                    400,
                    "WEAK_PASSWORD");
        }
        try (Response r = as(token, "api/auth/change-password")
                .post(json(object("current_password", Api.PASSWORD, "new_password", "Another-Passw0rd-77")))) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(as(token, "api/auth/me").get(), 401, "TOKEN_REVOKED");
        try (Response r =
                anonymous("api/auth/refresh").post(json(object("refresh_token", login.getString("refresh_token"))))) {
            assertEquals(401, r.getStatus());
        }
        assertRefused(
                anonymous("api/auth/login").post(json(object("username", username, "password", Api.PASSWORD))),
                401,
                "INVALID_CREDENTIALS");
        assertNotNull(Api.login(username, "Another-Passw0rd-77").getString("access_token"));
    }

    @Test
    void withoutAConfiguredKeystoreTokensAreSignedWithTheGeneratedKeyAndTheLogSaysAClusterMustMountOne()
            throws Exception {
        // the test server runs without FACTORY_KEYSTORE_FILE (ClusterIT runs with one)
        assertEquals(Tokens.serverKeyId(), Tokens.header(Api.tokenFor("user")).getString("kid"));
        String log = java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("liberty.server.dir"), "logs", "messages.log"));
        assertTrue(
                log.lines()
                        .anyMatch(l -> l.contains(" W No FACTORY_KEYSTORE_FILE: access tokens are signed with "
                                        + "a key generated for this server alone")
                                && l.contains("A cluster must mount one keystore")),
                "the WARNING of SigningKeyCheck");
    }

    @Test
    void forgedTamperedExpiredAndUnsignedTokensAreRejected() {
        String real = Api.tokenFor("user");
        try (Response r = as(real, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        String expired = Tokens.withClaims(
                real,
                Map.of(
                        "iat", Tokens.epoch(Instant.now().minusSeconds(3600)),
                        "exp", Tokens.epoch(Instant.now().minusSeconds(600))),
                Tokens.serverKey());
        String otherKey = Tokens.withClaims(real, Map.of(), Tokens.otherKey());
        String tampered = Tokens.withClaims(
                real,
                Map.of(
                        "groups",
                        Json.createArrayBuilder()
                                .add("super_admin")
                                .add("admin")
                                .add("manager")
                                .add("user")
                                .build()),
                null);
        String unsigned = Tokens.unsigned(real);
        String wrongIssuer =
                Tokens.withClaims(real, Map.of("iss", Json.createValue("https://evil.example")), Tokens.serverKey());
        String wrongAudience =
                Tokens.withClaims(real, Map.of("aud", Json.createValue("someone-else")), Tokens.serverKey());
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
        assertRefused(anonymous("api/roles").get(), 401, "UNAUTHORIZED");
    }

    /**
     * A login flood: 40 bad logins at once for 40 different (unknown) accounts, each of which hashes a
     * password. The server hashes at most factory.password.max-concurrent-hashes (1 in the test
     * server, src/test/liberty/jvm.options) at a time and lets the others wait at most
     * factory.password.hash-queue-wait-millis (100 ms): the excess is answered 503 SERVICE_BUSY with
     * Retry-After at once, instead of queueing for every core. Meanwhile an authenticated GET is
     * answered; its time is measured from send to answer, with a generous bound (a functional check
     * that it is not stuck behind the hashes, not a benchmark: docs/BENCHMARKS.md has the numbers).
     */
    @Test
    void aLoginFloodIsCappedWithRetryAfterWhileAuthenticatedReadsAreServed() throws Exception {
        String token = Api.login(Api.createUser("user"), Api.PASSWORD).getString("access_token");
        int flooders = 40;
        jakarta.ws.rs.client.Client client = Api.parallelClient(flooders + 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(flooders);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> logins = new java.util.ArrayList<>();
            for (int i = 0; i < flooders; i++) {
                JsonObject body = object("username", "flood-" + Api.RUN + "-" + i, "password", "Wrong-Passw0rd-" + i);
                logins.add(pool.submit(() -> {
                    start.await();
                    try (Response r = client.target(Api.BASE)
                            .path("api/auth/login")
                            .request()
                            .post(json(body))) {
                        if (r.getStatus() == 503) {
                            assertTrue(Long.parseLong(r.getHeaderString("Retry-After")) >= 1, "Retry-After");
                            assertProblem(r, 503, "SERVICE_BUSY");
                        } else {
                            assertProblem(r, 401, "INVALID_CREDENTIALS");
                        }
                        return r.getStatus();
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                try (Response r = client.target(Api.BASE)
                        .path("api/auth/me")
                        .request()
                        .header("Authorization", "Bearer " + token)
                        .get()) {
                    assertEquals(200, r.getStatus());
                }
                long millis = (System.nanoTime() - began) / 1_000_000;
                assertTrue(millis < 5_000, "GET /api/auth/me took " + millis + " ms during the flood");
            }
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> login : logins) {
                statuses.merge(login.get(60, java.util.concurrent.TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertTrue(statuses.getOrDefault(503, 0L) >= 1, "some logins refused as busy: " + statuses);
            assertTrue(statuses.getOrDefault(401, 0L) >= 1, "some logins checked: " + statuses);
        } finally {
            pool.shutdownNow();
            client.close();
        }
    }

    /**
     * Failed logins also count per account, whatever the address or the identifier (username or
     * email) they use: the per address and identifier bucket (10 a minute) alone would allow 20 here.
     * The test server allows 15 failures per account and hour (jvm.options); then even the right
     * password is refused with 429 until the bucket refills, without hashing anything.
     */
    @Test
    void failedLoginsCountPerAccountAcrossIdentifiers() {
        String username = Api.createUser("user");
        String email = username + "@it.example";
        for (int i = 0; i < 10; i++) {
            assertRefused(
                    anonymous("api/auth/login")
                            .post(json(object("username", username, "password", "wrong-password-" + i))),
                    401,
                    "INVALID_CREDENTIALS");
        }
        for (int i = 0; i < 5; i++) {
            assertRefused(
                    anonymous("api/auth/login").post(json(object("email", email, "password", "wrong-password-" + i))),
                    401,
                    "INVALID_CREDENTIALS");
        }
        try (Response r = anonymous("api/auth/login").post(json(object("email", email, "password", Api.PASSWORD)))) {
            assertTrue(Long.parseLong(r.getHeaderString("Retry-After")) >= 1);
            assertEquals("15", r.getHeaderString("RateLimit-Limit"));
            assertProblem(r, 429, "RATE_LIMITED");
        }
    }

    /**
     * PUT /api/auth/profile must not tell which addresses have accounts. A synchronous answer cannot
     * hide that the change failed, so the refusal is one uniform 409 CONFLICT that names neither the
     * address, nor that it is in use, nor by whom; and each refusal counts against the caller's failed
     * attempts (15 an hour in the test server): probing is audited and stops with 429, it cannot be
     * done in bulk. (docs/API.md, "Account enumeration".)
     */
    @Test
    void theProfileDoesNotEnumerateEmails() {
        String username = Api.createUser("user");
        String token = Api.login(username, Api.PASSWORD).getString("access_token");
        String taken = Api.createUser("manager") + "@it.example";
        try (Response r = as(token, "api/auth/profile").put(json(object("email", taken)))) {
            String text = r.readEntity(String.class);
            assertEquals(409, r.getStatus(), text);
            assertFalse(text.contains(taken), text);
            assertFalse(
                    text.toLowerCase(java.util.Locale.ROOT)
                            .matches(".*(already|in use|exists|taken|another account).*"),
                    text);
            assertTrue(text.contains("\"code\":\"CONFLICT\""), text);
        }
        int refused = 1;
        Response last = null;
        while (refused < 20) {
            last = as(token, "api/auth/profile").put(json(object("email", taken)));
            if (last.getStatus() == 429) {
                break;
            }
            assertProblem(last, 409, "CONFLICT");
            refused++;
        }
        assertEquals(15, refused, "refusals allowed before 429");
        assertProblem(last, 429, "RATE_LIMITED");
        try (Response r = as(token, "api/auth/me").get()) {
            assertEquals(username + "@it.example", body(r).getString("email"));
        }
    }
}
