package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Keycloak;
import it.io.factoryops.support.SsoRealms;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OpenID Connect provider (Keycloak, started by the test): a provider token with a
 * mapped group reaches what its role allows and no more; forged, expired, other-audience, other-issuer and unmapped
 * tokens are refused; a key rotated at the provider is accepted without a restart; a deactivated account stays
 * deactivated; password sign-in for staff can be turned off, by a super admin only.
 *
 * <p>The test server trusts realm {@code factory} (src/test/liberty/jvm.options): groups plant-admins → admin,
 * plant-managers → manager, plant-staff → user, plant-buyers → custom role sso-buyer.
 */
class SsoIT {

    static final String PASSWORD = SsoRealms.PASSWORD;
    static final String BUYER_ROLE = SsoRealms.BUYER_ROLE;

    @BeforeAll
    static void provider() throws Exception {
        SsoRealms.ensure();
    }

    static String providerToken(String username) {
        return Keycloak.token("factory", "factory-tests", username, PASSWORD);
    }

    static Response exchange(String providerToken) {
        return anonymous("api/auth/sso/token").post(json(object("token", providerToken)));
    }

    /** Our session for a provider token: the login answer. */
    static JsonObject signIn(String providerToken) {
        try (Response r = exchange(providerToken)) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
            return body(r);
        }
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(header)).readObject().getString("kid");
    }

    @Test
    void theConsoleLearnsHowToSignIn() {
        try (Response r = anonymous("api/auth/sso").get()) {
            JsonObject sso = body(r);
            assertTrue(sso.getBoolean("enabled"));
            assertEquals("Keycloak", sso.getString("name"));
            assertEquals("factory-console", sso.getString("client_id"));
            assertEquals(
                    Keycloak.BASE + "/realms/factory/protocol/openid-connect/auth",
                    sso.getString("authorization_endpoint"));
            assertTrue(sso.getBoolean("staff_password_sign_in"));
        }
    }

    @Test
    void aProviderTokenWithAMappedGroupReachesWhatItsRoleAllowsAndNoMore() {
        JsonObject session = signIn(providerToken("kc-manager"));
        JsonObject user = session.getJsonObject("user");
        assertEquals("kc-manager", user.getString("username"));
        assertEquals("manager", user.getString("role"));
        assertEquals("kc-manager@sso.example", user.getString("email"));
        String token = session.getString("access_token");
        try (Response r = as(token, "api/employees").get()) {
            assertEquals(200, r.getStatus(), "a manager reads employees");
        }
        try (Response r = as(token, "api/auth/users").get()) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        try (Response r = as(token, "api/custom-roles")
                .post(json(object("name", "escalate", "permissions", array("users:manage"))))) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        // the refresh token is ours: the session outlives the provider's token
        try (Response r =
                anonymous("api/auth/refresh").post(json(object("refresh_token", session.getString("refresh_token"))))) {
            assertEquals(200, r.getStatus());
        }
        // the second sign-in finds the same account; both are in the audit log, the first one's creation too
        int id = user.getInt("id");
        assertEquals(
                id, signIn(providerToken("kc-manager")).getJsonObject("user").getInt("id"));
        try (Response r = as(Api.adminToken(), "api/audit-logs", "entity_type", "user", "entity_id", id)
                .get()) {
            List<String> actions = body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getString("action"))
                    .toList();
            assertTrue(actions.contains("CREATE"), () -> "audit: " + actions);
            assertTrue(actions.stream().filter("LOGIN"::equals).count() >= 2, () -> "audit: " + actions);
        }
    }

    @Test
    void groupsMappedToACustomRoleGiveItsPermissions() {
        JsonObject user = signIn(providerToken("kc-clerk")).getJsonObject("user");
        assertEquals("user", user.getString("role"));
        assertEquals(List.of(BUYER_ROLE), strings(user, "custom_roles"));
        assertTrue(strings(user, "permissions").contains("purchase-orders:read"));
    }

    @Test
    void forgedExpiredForeignAndUnmappedTokensAreRefused() throws Exception {
        String expiring = Keycloak.token("factory", "factory-short", "kc-manager", PASSWORD);
        String valid = providerToken("kc-manager");
        String[] parts = valid.split("\\.");
        char last = parts[2].charAt(10);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        // a payload of our choosing under the provider's header and signature
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("kc-manager", "kc-someone")
                        .getBytes(StandardCharsets.UTF_8));
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        for (String refused : List.of(
                tampered,
                parts[0] + "." + forgedPayload + "." + parts[2],
                unsigned,
                Keycloak.token("factory", "factory-noaud", "kc-manager", PASSWORD),
                Keycloak.token("elsewhere", "factory-tests", "kc-manager", PASSWORD),
                Api.adminToken(),
                "not-a-token")) {
            try (Response r = exchange(refused)) {
                assertProblem(r, 401, "INVALID_PROVIDER_TOKEN");
            }
        }
        Thread.sleep(2_100); // the short-lived client's tokens live 1 s; no clock skew is allowed here
        try (Response r = exchange(expiring)) {
            JsonObject problem = assertProblem(r, 401, "INVALID_PROVIDER_TOKEN");
            assertTrue(problem.getString("detail").toLowerCase().contains("expired"), problem::toString);
        }
        try (Response r = exchange(providerToken("kc-visitor"))) {
            assertProblem(r, 403, "NO_MAPPED_ROLE");
        }
        // the provider's "admin" is not the local super admin of that name
        try (Response r = exchange(Keycloak.token("factory", "factory-tests", Api.ADMIN, PASSWORD))) {
            assertProblem(r, 409, "CONFLICT");
        }
        try (Response r = anonymous("api/auth/sso/token").post(json(object("token", "")))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void aDeactivatedAccountStaysDeactivated() {
        JsonObject user = signIn(providerToken("kc-leaver")).getJsonObject("user");
        try (Response r = as(Api.adminToken(), "api/auth/users/" + user.getInt("id"))
                .header("If-Match", "\"" + user.getJsonNumber("version").longValue() + "\"")
                .delete()) {
            assertEquals(204, r.getStatus(), () -> r.readEntity(String.class));
        }
        try (Response r = exchange(providerToken("kc-leaver"))) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        try (Response r =
                as(Api.adminToken(), "api/auth/users/" + user.getInt("id")).get()) {
            assertFalse(body(r).getBoolean("active"));
        }
    }

    @Test
    void aKeyRotatedAtTheProviderIsAcceptedWithoutARestart() throws InterruptedException {
        String before = providerToken("kc-manager");
        signIn(before); // the service has fetched and cached the key set
        String newKid = Keycloak.rotateKey("factory", 1_000 + (int) (System.currentTimeMillis() % 1_000_000));
        String after = providerToken("kc-manager");
        Thread.sleep(1_100); // the test server refetches keys at most once a second (FACTORY_SSO_KEY_REFETCH_SECONDS)
        assertNotEquals(kid(before), kid(after), "the provider signs with the new key");
        assertEquals(newKid, kid(after));
        assertEquals("kc-manager", signIn(after).getJsonObject("user").getString("username"));
    }

    @Test
    void passwordSignInForStaffIsTurnedOffBySuperAdminsOnly() {
        String manager = Api.createUser("manager");
        String admin = Api.createUser("admin");
        String adminToken = Api.login(admin, Api.PASSWORD).getString("access_token");
        try (Response r = as(adminToken, "api/auth/sso/policy").put(json(object("staff_password_sign_in", false)))) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        try (Response r =
                as(Api.adminToken(), "api/auth/sso/policy").put(json(object("staff_password_sign_in", false)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
            assertFalse(body(r).getBoolean("staff_password_sign_in"));
        }
        try {
            try (Response r =
                    anonymous("api/auth/login").post(json(object("username", manager, "password", Api.PASSWORD)))) {
                assertProblem(r, 403, "PASSWORD_SIGN_IN_OFF");
            }
            // a wrong password still says only that
            try (Response r = anonymous("api/auth/login")
                    .post(json(object("username", manager, "password", "wrong-" + Api.PASSWORD)))) {
                assertProblem(r, 401, "INVALID_CREDENTIALS");
            }
            // the break-glass super admin keeps the password; single sign-on works
            assertTrue(Api.login(Api.ADMIN, Api.ADMIN_PASSWORD).containsKey("access_token"));
            signIn(providerToken("kc-manager"));
            try (Response r = anonymous("api/auth/sso").get()) {
                assertFalse(body(r).getBoolean("staff_password_sign_in"));
            }
        } finally {
            try (Response r =
                    as(Api.adminToken(), "api/auth/sso/policy").put(json(object("staff_password_sign_in", true)))) {
                assertEquals(200, r.getStatus());
            }
        }
        assertTrue(Api.login(manager, Api.PASSWORD).containsKey("access_token"));
    }
}
