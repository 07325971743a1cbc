package it.io.factoryops;

import static it.io.factoryops.support.Access.assertForbidden;
import static it.io.factoryops.support.Access.assertUnauthorized;
import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.account;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Access.Call;
import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account administration: who may manage whom, and the last super admin. */
class UserAdminIT {

    private static JsonObject newUserBody(String role) {
        String name = "ua-" + role + "-" + Api.RUN + "-" + System.nanoTime() % 100000;
        return account(name, name + "@it.example", Api.PASSWORD, role);
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
        assertForbidden(
                List.of("manager", "user", "mechanic", "customer"),
                Call.get("api/auth/users"),
                Call.get("api/auth/users/" + target),
                Call.get("api/auth/" + target),
                Call.post("api/auth/register", newUserBody("user")),
                Call.put("api/auth/users/" + target, object("full_name", "x")),
                Call.delete("api/auth/users/" + target));
        assertUnauthorized(Call.get("api/auth/users"), Call.delete("api/auth/users/" + target));
        String admin = Api.tokenFor("admin");
        try (Response r = as(admin, "api/auth/users").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(admin, "api/auth/users/" + target).get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(admin, "api/auth/" + target).put(json(object("full_name", "Renamed")))) {
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
            assertRefused(as(admin, "api/auth/users").post(json(newUserBody(role))), 403, "FORBIDDEN");
        }
        long manager = create(admin, "manager");
        assertRefused(as(admin, "api/auth/users/" + manager).put(json(object("role", "admin"))), 403, "FORBIDDEN");
        long otherAdmin = create(Api.adminToken(), "admin");
        try (Response r = as(admin, "api/auth/users/" + otherAdmin).get()) {
            // the 403 does not say what kind of account the target is
            String detail = assertProblem(r, 403, "FORBIDDEN").getString("detail");
            assertFalse(detail.contains("admin"), detail);
        }
        for (JsonObject change : new JsonObject[] {object("full_name", "X"), object("active", false)}) {
            try (Response r = as(admin, "api/auth/users/" + otherAdmin).put(json(change))) {
                assertFalse(
                        assertProblem(r, 403, "FORBIDDEN").getString("detail").contains("admin"));
            }
        }
        assertRefused(as(admin, "api/auth/users/" + otherAdmin).delete(), 403, "FORBIDDEN");
        assertRefused(as(admin, "api/auth/users/1").get(), 403, "FORBIDDEN");
        // an admin's list shows no admin or super_admin account
        try (Response r = as(admin, "api/auth/users", "per_page", "100").get()) {
            String text = r.readEntity(String.class);
            assertFalse(text.contains("\"role\":\"admin\""));
            assertFalse(text.contains("\"role\":\"super_admin\""));
        }
        // the super admin manages admins
        try (Response r = as(Api.adminToken(), "api/auth/users/" + otherAdmin).put(json(object("role", "manager")))) {
            assertEquals(200, r.getStatus());
            assertEquals("manager", body(r).getString("role"));
        }
    }

    @Test
    void validationAndConflictsOnCreate() {
        String admin = Api.adminToken();
        try (Response r = as(admin, "api/auth/users").post(json(account("a b", "x", "short", "user")))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            assertTrue(p.getJsonArray("errors").size() >= 2);
        }
        assertRefused(
                as(admin, "api/auth/users")
                        .post(json(account("weak-" + Api.RUN, Api.uniqueEmail("weak"), "password", "user"))),
                400,
                "WEAK_PASSWORD");
        assertRefused(
                as(admin, "api/auth/users")
                        .post(json(account("role-" + Api.RUN, Api.uniqueEmail("role"), Api.PASSWORD, "emperor"))),
                400,
                "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/auth/users").post(json(account("ADMIN", Api.uniqueEmail("dup"), Api.PASSWORD, "user"))),
                409,
                "ALREADY_EXISTS");
        assertRefused(as(admin, "api/auth/users/999999999").get(), 404, "NOT_FOUND");
        // an account links only to an employee or a customer that exists
        for (String field : new String[] {"employee_id", "customer_id"}) {
            try (Response r = as(admin, "api/auth/users")
                    .post(json(with(
                            account(
                                    "link-" + field.charAt(0) + "-" + Api.RUN,
                                    Api.uniqueEmail("link"),
                                    Api.PASSWORD,
                                    "user"),
                            field,
                            999999999)))) {
                JsonObject p = assertProblem(r, 404, "NOT_FOUND");
                assertEquals(field, p.getJsonArray("errors").getJsonObject(0).getString("field"));
                assertTrue(p.getString("detail").startsWith(field), p.getString("detail"));
            }
        }
        long employee = it.io.factoryops.support.Fixtures.employee();
        long customer = it.io.factoryops.support.Fixtures.customer();
        try (Response r = as(admin, "api/auth/users")
                .post(json(with(
                        account("linked-" + Api.RUN, Api.uniqueEmail("linked"), Api.PASSWORD, "user"),
                        "employee_id",
                        employee,
                        "customer_id",
                        customer)))) {
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
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).put(json(object("full_name", "Same Role")))) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(access, "api/auth/me").get()) {
            assertEquals(200, r.getStatus(), "a change of name alone keeps the tokens");
        }
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).put(json(object("role", "user")))) {
            assertEquals(200, r.getStatus());
        }
        assertRefused(as(access, "api/auth/me").get(), 401, "TOKEN_REVOKED");
        try (Response r =
                anonymous("api/auth/refresh").post(json(object("refresh_token", login.getString("refresh_token"))))) {
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
        assertRefused(as(login.getString("access_token"), "api/auth/me").get(), 401, "TOKEN_REVOKED");
        assertRefused(
                anonymous("api/auth/login").post(json(object("username", username, "password", Api.PASSWORD))),
                401,
                "INVALID_CREDENTIALS");
        try (Response r = as(Api.adminToken(), "api/auth/users/" + id).get()) {
            assertEquals(200, r.getStatus());
            assertFalse(body(r).getBoolean("active"), "kept, inactive");
        }
    }

    @Test
    void theLastSuperAdminCannotBeDemotedOrDeleted() {
        String root = Api.adminToken();
        // demote every other super admin a previous run may have left, so that "admin" is the last
        try (Response r = as(root, "api/auth/users", "role", "super_admin", "active", "true")
                .get()) {
            for (JsonObject u : body(r).getJsonArray("data").getValuesAs(JsonObject.class)) {
                if (u.getJsonNumber("id").longValue() != 1) {
                    as(root, "api/auth/users/" + u.getJsonNumber("id")).delete().close();
                }
            }
        }
        assertRefused(as(root, "api/auth/users/1").delete(), 409, "LAST_SUPER_ADMIN");
        assertRefused(as(root, "api/auth/users/1").put(json(object("role", "admin"))), 409, "LAST_SUPER_ADMIN");
        assertRefused(as(root, "api/auth/users/1").put(json(object("active", false))), 409, "LAST_SUPER_ADMIN");
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
                .put(json(object("full_name", "One")))) {
            assertEquals(200, r.getStatus());
        }
        assertRefused(
                as(Api.adminToken(), "api/auth/users/" + id)
                        .header("If-Match", etag)
                        .put(json(object("full_name", "Two"))),
                412,
                "VERSION_CONFLICT");
    }
}
