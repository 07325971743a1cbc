package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Account administration: who may manage whom, and the last super admin. */
class UserAdminIT {

    private static String newUserBody(String role) {
        String name = "ua-" + role + "-" + Api.RUN + "-" + System.nanoTime() % 100000;
        return "{\"username\":\"" + name + "\",\"email\":\"" + name + "@it.example\",\"password\":\"" + Api.PASSWORD
                + "\",\"role\":\"" + role + "\"}";
    }

    private static long create(String token, String role) {
        try (Response r = as(token, "api/auth/register").post(json(newUserBody(role)))) {
            assertEquals(201, r.getStatus());
            assertTrue(r.getLocation().getPath().startsWith("/api/auth/users/"));
            return body(r).getJsonNumber("id").longValue();
        }
    }

    @Test
    void roleMatrixOfTheUserRoutes() {
        long target = create(Api.adminToken(), "user");
        for (String role : new String[] {"manager", "user", "mechanic", "customer"}) {
            String token = Api.tokenFor(role);
            try (Response r = as(token, "api/auth/users").get()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = as(token, "api/auth/users/" + target).get()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = as(token, "api/auth/" + target).get()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = as(token, "api/auth/register").post(json(newUserBody("user")))) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = as(token, "api/auth/users/" + target).put(json("{\"full_name\":\"x\"}"))) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = as(token, "api/auth/users/" + target).delete()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
        }
        try (Response r = anonymous("api/auth/users").get()) {
            assertProblem(r, 401, "UNAUTHORIZED");
        }
        try (Response r = anonymous("api/auth/users/" + target).delete()) {
            assertProblem(r, 401, "UNAUTHORIZED");
        }
        String admin = Api.tokenFor("admin");
        try (Response r = as(admin, "api/auth/users").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(admin, "api/auth/users/" + target).get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(admin, "api/auth/" + target).put(json("{\"full_name\":\"Renamed\"}"))) {
            assertEquals(200, r.getStatus());
            assertEquals("Renamed", body(r).getString("full_name"));
        }
        try (Response r = as(admin, "api/auth/" + target).delete()) {
            assertEquals(204, r.getStatus());
        }
    }

    @Test
    void adminManagesOnlyLowerRolesAndGrantsNothingAbove() {
        String admin = Api.tokenFor("admin");
        for (String role : new String[] {"manager", "user", "mechanic", "customer"}) {
            create(admin, role);
        }
        for (String role : new String[] {"admin", "super_admin"}) {
            try (Response r = as(admin, "api/auth/users").post(json(newUserBody(role)))) {
                assertProblem(r, 403, "FORBIDDEN");
            }
        }
        long manager = create(admin, "manager");
        try (Response r = as(admin, "api/auth/users/" + manager).put(json("{\"role\":\"admin\"}"))) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        long otherAdmin = create(Api.adminToken(), "admin");
        try (Response r = as(admin, "api/auth/users/" + otherAdmin).get()) {
            // the 403 does not say what kind of account the target is
            String detail = assertProblem(r, 403, "FORBIDDEN").getString("detail");
            assertFalse(detail.contains("admin"), detail);
        }
        for (String change : new String[] {"{\"full_name\":\"X\"}", "{\"active\":false}"}) {
            try (Response r = as(admin, "api/auth/users/" + otherAdmin).put(json(change))) {
                assertFalse(
                        assertProblem(r, 403, "FORBIDDEN").getString("detail").contains("admin"));
            }
        }
        try (Response r = as(admin, "api/auth/users/" + otherAdmin).delete()) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        try (Response r = as(admin, "api/auth/users/1").get()) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        // an admin's list shows no admin or super_admin account
        try (Response r = Api.target("api/auth/users")
                .queryParam("per_page", "100")
                .request()
                .header("Authorization", "Bearer " + admin)
                .get()) {
            String text = r.readEntity(String.class);
            assertFalse(text.contains("\"role\":\"admin\""));
            assertFalse(text.contains("\"role\":\"super_admin\""));
        }
        // the super admin manages admins
        try (Response r = as(Api.adminToken(), "api/auth/users/" + otherAdmin).put(json("{\"role\":\"manager\"}"))) {
            assertEquals(200, r.getStatus());
            assertEquals("manager", body(r).getString("role"));
        }
    }

    @Test
    void validationAndConflictsOnCreate() {
        String admin = Api.adminToken();
        try (Response r = as(admin, "api/auth/users")
                .post(json("{\"username\":\"a b\",\"email\":\"x\",\"password\":\"short\",\"role\":\"user\"}"))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            assertTrue(p.getJsonArray("errors").size() >= 2);
        }
        try (Response r = as(admin, "api/auth/users")
                .post(json("{\"username\":\"weak-" + Api.RUN + "\",\"email\":\"" + Api.uniqueEmail("weak")
                        + "\",\"password\":\"password\",\"role\":\"user\"}"))) {
            assertProblem(r, 400, "WEAK_PASSWORD");
        }
        try (Response r = as(admin, "api/auth/users")
                .post(json("{\"username\":\"role-" + Api.RUN + "\",\"email\":\"" + Api.uniqueEmail("role")
                        + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"emperor\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
        try (Response r = as(admin, "api/auth/users")
                .post(json("{\"username\":\"ADMIN\",\"email\":\"" + Api.uniqueEmail("dup") + "\",\"password\":\""
                        + Api.PASSWORD + "\",\"role\":\"user\"}"))) {
            assertProblem(r, 409, "ALREADY_EXISTS");
        }
        try (Response r = as(admin, "api/auth/users/999999999").get()) {
            assertProblem(r, 404, "NOT_FOUND");
        }
        // an account links only to an employee or a customer that exists
        for (String field : new String[] {"employee_id", "customer_id"}) {
            try (Response r = as(admin, "api/auth/users")
                    .post(json("{\"username\":\"link-" + field.charAt(0) + "-"
                            + Api.RUN + "\",\"email\":\"" + Api.uniqueEmail("link") + "\",\"password\":\""
                            + Api.PASSWORD
                            + "\",\"role\":\"user\",\"" + field + "\":999999999}"))) {
                JsonObject p = assertProblem(r, 404, "NOT_FOUND");
                assertEquals(field, p.getJsonArray("errors").getJsonObject(0).getString("field"));
                assertTrue(p.getString("detail").startsWith(field), p.getString("detail"));
            }
        }
        long employee = it.io.factoryops.support.Fixtures.employee();
        long customer = it.io.factoryops.support.Fixtures.customer();
        try (Response r = as(admin, "api/auth/users")
                .post(json("{\"username\":\"linked-" + Api.RUN
                        + "\",\"email\":\"" + Api.uniqueEmail("linked") + "\",\"password\":\"" + Api.PASSWORD
                        + "\",\"role\":\"user\",\"employee_id\":" + employee + ",\"customer_id\":" + customer + "}"))) {
            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
        }
    }

    @Test
    void aRoleChangeRevokesTheAccessTokensAtOnceAndARefreshCarriesTheNewRole() {
        String username = Api.createUser("mechanic");
        JsonObject login = Api.login(username, Api.PASSWORD);
        long id = login.getJsonObject("user").getJsonNumber("id").longValue();
        String access = login.getString("access_token");
        try (Response r = as(access, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
            assertEquals("mechanic", body(r).getString("role"));
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).put(json("{\"full_name\":\"Same Role\"}"))) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(access, "api/auth/me").get()) {
            assertEquals(200, r.getStatus(), "a change of name alone keeps the tokens");
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).put(json("{\"role\":\"user\"}"))) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(access, "api/auth/me").get()) {
            assertProblem(r, 401, "TOKEN_REVOKED");
        }
        try (Response r = anonymous("api/auth/refresh")
                .post(json("{\"refresh_token\":\"" + login.getString("refresh_token") + "\"}"))) {
            assertEquals(200, r.getStatus());
            String renewed = body(r).getString("access_token");
            try (Response me = as(renewed, "api/auth/me").get()) {
                assertEquals("user", body(me).getString("role"));
            }
        }
    }

    @Test
    void deactivatedAccountsCanNeitherLogInNorUseTheirTokens() {
        String username = Api.createUser("user");
        JsonObject login = Api.login(username, Api.PASSWORD);
        long id = login.getJsonObject("user").getJsonNumber("id").longValue();
        try (Response r = as(login.getString("access_token"), "api/auth/me").get()) {
            assertEquals(200, r.getStatus(), "accepted, and the answer remembered for a few seconds");
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).delete()) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(login.getString("access_token"), "api/auth/me").get()) {
            assertProblem(r, 401, "TOKEN_REVOKED");
        }
        try (Response r = anonymous("api/auth/login")
                .post(json("{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertProblem(r, 401, "INVALID_CREDENTIALS");
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).get()) {
            assertEquals(200, r.getStatus());
            assertFalse(body(r).getBoolean("active"), "kept, inactive");
        }
    }

    @Test
    void theLastSuperAdminCannotBeDemotedOrDeleted() {
        String root = Api.adminToken();
        // demote every other super admin a previous run may have left, so that "admin" is the last
        try (Response r = Api.target("api/auth/users")
                .queryParam("role", "super_admin")
                .queryParam("active", "true")
                .request()
                .header("Authorization", "Bearer " + root)
                .get()) {
            for (JsonObject u : body(r).getJsonArray("data").getValuesAs(JsonObject.class)) {
                if (u.getJsonNumber("id").longValue() != 1) {
                    as(root, "api/auth/users/" + u.getJsonNumber("id")).delete().close();
                }
            }
        }
        try (Response r = as(root, "api/auth/users/1").delete()) {
            assertProblem(r, 409, "LAST_SUPER_ADMIN");
        }
        try (Response r = as(root, "api/auth/users/1").put(json("{\"role\":\"admin\"}"))) {
            assertProblem(r, 409, "LAST_SUPER_ADMIN");
        }
        try (Response r = as(root, "api/auth/users/1").put(json("{\"active\":false}"))) {
            assertProblem(r, 409, "LAST_SUPER_ADMIN");
        }
        // with a second super admin, the first may step down; then the second is the last
        long second = create(root, "super_admin");
        try (Response r = as(root, "api/auth/users/" + second).get()) {
            assertEquals("super_admin", body(r).getString("role"));
        }
        try (Response r = as(root, "api/auth/users/" + second).delete()) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(root, "api/auth/users/1").get()) {
            assertTrue(body(r).getBoolean("active"));
        }
    }

    @Test
    void staleIfMatchIs412() {
        long id = create(Api.adminToken(), "user");
        String etag;
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).get()) {
            etag = r.getHeaderString("ETag");
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id)
                .header("If-Match", etag)
                .put(json("{\"full_name\":\"One\"}"))) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id)
                .header("If-Match", etag)
                .put(json("{\"full_name\":\"Two\"}"))) {
            assertProblem(r, 412, "VERSION_CONFLICT");
        }
    }
}
