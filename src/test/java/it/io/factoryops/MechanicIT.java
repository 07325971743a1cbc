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
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Mechanics: an employee and a mechanic account created together, managed by managers, signing in apart. */
class MechanicIT {

    private final String manager = Api.tokenFor("manager");

    @Test
    void createReadChangeDeactivateAndLogIn() {
        String username = "mechanic-" + Api.RUN + "-one";
        String email = Api.uniqueEmail("mechanic");
        JsonObject mechanic;
        String etag;
        try (Response r = as(manager, "api/mechanics").post(json(request("Ana Mech", email, username, Api.PASSWORD)))) {
            assertEquals(201, r.getStatus());
            mechanic = body(r);
            etag = r.getHeaderString("ETag");
            assertTrue(r.getLocation().toString().endsWith("/api/mechanics/" + mechanic.getJsonNumber("id")));
        }
        long id = mechanic.getJsonNumber("id").longValue();
        assertEquals(username, mechanic.getString("username"));
        assertEquals(email, mechanic.getString("email"));
        assertTrue(mechanic.getBoolean("active"));
        // the employee and the account exist, linked
        try (Response r = as(manager, "api/employees/" + mechanic.getJsonNumber("employee_id"))
                .get()) {
            assertEquals(200, r.getStatus());
            JsonObject employee = body(r);
            assertEquals("Ana Mech", employee.getString("name"));
            assertEquals("Maintenance", employee.getString("department"));
        }
        JsonObject login = mechanicLogin(username, Api.PASSWORD, 200);
        assertEquals("mechanic", login.getJsonObject("user").getString("role"));
        assertEquals(
                mechanic.getJsonNumber("employee_id").longValue(),
                login.getJsonObject("user").getJsonNumber("employee_id").longValue());
        String token = login.getString("access_token");
        try (Response r = as(token, "api/auth/me").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(manager, "api/mechanics", "q", username).get()) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonObject("pagination").getInt("total"));
            assertEquals(
                    id,
                    page.getJsonArray("data")
                            .getJsonObject(0)
                            .getJsonNumber("id")
                            .longValue());
        }
        try (Response r =
                as(manager, "api/mechanics/" + id).header("If-None-Match", etag).get()) {
            assertEquals(304, r.getStatus());
        }
        try (Response r = as(manager, "api/mechanics/" + id)
                .header("If-Match", etag)
                .put(json(object("name", "Ana Mechanic", "email", email, "position", "Lead")))) {
            assertEquals(200, r.getStatus());
            assertEquals("Lead", body(r).getString("position"));
        }
        assertRefused(
                as(manager, "api/mechanics/" + id)
                        .header("If-Match", etag)
                        .put(json(object("name", "Stale", "email", email))),
                412,
                "VERSION_CONFLICT");
        try (Response r = as(manager, "api/employees/" + mechanic.getJsonNumber("employee_id"))
                .get()) {
            assertEquals("Lead", body(r).getString("position"));
        }
        try (Response r = as(manager, "api/mechanics/" + id).delete()) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(manager, "api/mechanics/" + id).get()) {
            assertFalse(body(r).getBoolean("active"));
        }
        // the account is deactivated too: no login, and its token stops working
        assertRefused(
                anonymous("api/mechanics/login").post(json(login(username, Api.PASSWORD))), 401, "INVALID_CREDENTIALS");
        try (Response r = as(token, "api/auth/me").get()) {
            assertEquals(401, r.getStatus());
        }
        try (Response r =
                as(manager, "api/mechanics", "active", "false", "q", username).get()) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
    }

    /**
     * The mechanic resource changes the linked account only under the account rules: a PUT without active
     * leaves an admin's deactivation alone, and an account promoted since it was linked is no longer the
     * mechanic resource's to change (neither its email nor its activity).
     */
    @Test
    void theLinkedAccountChangesOnlyAsAMechanicAccountAndActiveIsNeverImplied() {
        JsonObject mechanic = Fixtures.mechanic();
        long id = mechanic.getJsonNumber("id").longValue();
        long userId = mechanic.getJsonNumber("user_id").longValue();
        String admin = Api.tokenFor("admin");
        // an admin deactivates the mechanic's account; a manager then changes the mechanic without active
        try (Response r = as(admin, "api/auth/users/" + userId).delete()) {
            assertEquals(204, r.getStatus());
        }
        try (Response r = as(manager, "api/mechanics/" + id)
                .put(json(object("name", "Renamed", "email", mechanic.getString("email"), "position", "Lead")))) {
            assertEquals(200, r.getStatus());
            assertEquals("Lead", body(r).getString("position"));
        }
        try (Response r = as(admin, "api/auth/users/" + userId).get()) {
            assertFalse(body(r).getBoolean("active"), "a PUT without active reactivated the account");
        }
        assertRefused(
                anonymous("api/mechanics/login").post(json(login(mechanic.getString("username"), Api.PASSWORD))),
                401,
                "INVALID_CREDENTIALS");

        // the account of another mechanic is promoted to admin: no longer the mechanic resource's to change
        JsonObject promoted = Fixtures.mechanic();
        long promotedId = promoted.getJsonNumber("id").longValue();
        long promotedUser = promoted.getJsonNumber("user_id").longValue();
        try (Response r = as(Api.adminToken(), "api/auth/users/" + promotedUser).put(json(object("role", "admin")))) {
            assertEquals(200, r.getStatus());
        }
        String takeover = Api.uniqueEmail("takeover");
        assertRefused(
                as(manager, "api/mechanics/" + promotedId)
                        .put(json(object("name", "X", "email", takeover, "active", false))),
                403,
                "FORBIDDEN");
        assertRefused(as(manager, "api/mechanics/" + promotedId).delete(), 403, "FORBIDDEN");
        try (Response r = as(Api.adminToken(), "api/auth/users/" + promotedUser).get()) {
            JsonObject account = body(r);
            assertEquals(promoted.getString("email"), account.getString("email"));
            assertTrue(account.getBoolean("active"));
            assertEquals("admin", account.getString("role"));
        }
        try (Response r = as(manager, "api/mechanics/" + promotedId).get()) {
            JsonObject unchanged = body(r);
            assertEquals(promoted.getString("email"), unchanged.getString("email"));
            assertTrue(unchanged.getBoolean("active"));
        }
        // a mechanic account is still the manager's to change, and an explicit active works both ways
        JsonObject third = Fixtures.mechanic();
        long thirdId = third.getJsonNumber("id").longValue();
        for (boolean active : new boolean[] {false, true}) {
            try (Response r = as(manager, "api/mechanics/" + thirdId)
                    .put(json(object("name", "Third", "email", third.getString("email"), "active", active)))) {
                assertEquals(200, r.getStatus());
                assertEquals(active, body(r).getBoolean("active"));
            }
            mechanicLogin(third.getString("username"), Api.PASSWORD, active ? 200 : 401);
        }
    }

    @Test
    void aTakenUsernameOrEmailWritesNothing() {
        JsonObject first = Fixtures.mechanic();
        String freshEmail = Api.uniqueEmail("dup");
        assertRefused(
                as(manager, "api/mechanics")
                        .post(json(request("Dup", freshEmail, first.getString("username"), Api.PASSWORD))),
                409,
                "ALREADY_EXISTS");
        // the employee written before the account was refused is rolled back with it
        try (Response r = as(manager, "api/employees", "q", freshEmail).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        String freshName = "dup-" + Api.RUN + "-fresh";
        assertRefused(
                as(manager, "api/mechanics")
                        .post(json(request("Dup", first.getString("email"), freshName, Api.PASSWORD))),
                409,
                "ALREADY_EXISTS");
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", freshName).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(manager, "api/mechanics", "q", freshName).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
    }

    @Test
    void theMechanicLoginAdmitsMechanicsOnly() {
        String managerName = Api.createUser("manager");
        assertRefused(
                anonymous("api/mechanics/login").post(json(login(managerName, Api.PASSWORD))),
                401,
                "INVALID_CREDENTIALS");
        JsonObject mechanic = Fixtures.mechanic();
        assertRefused(
                anonymous("api/mechanics/login").post(json(login(mechanic.getString("username"), "Wrong-Passw0rd-99"))),
                401,
                "INVALID_CREDENTIALS");
        try (Response r = anonymous("api/mechanics/login")
                .post(json(object("email", mechanic.getString("email"), "password", Api.PASSWORD)))) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void badInput() {
        for (JsonObject bad : new JsonObject[] {
            object(),
            request("", Api.uniqueEmail("b"), "bad-1-" + Api.RUN, Api.PASSWORD),
            request("B", "not-an-email", "bad-2-" + Api.RUN, Api.PASSWORD),
            request("B", Api.uniqueEmail("b"), "x", Api.PASSWORD),
            request("B", Api.uniqueEmail("b"), "bad name " + Api.RUN, Api.PASSWORD),
            request("B".repeat(101), Api.uniqueEmail("b"), "bad-3-" + Api.RUN, Api.PASSWORD)
        }) {
            assertRefused(as(manager, "api/mechanics").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        assertRefused(
                as(manager, "api/mechanics")
                        .post(json(request("B", Api.uniqueEmail("b"), "bad-4-" + Api.RUN, "short"))),
                400,
                "WEAK_PASSWORD");
        assertRefused(as(manager, "api/mechanics/999999999").get(), 404, "NOT_FOUND");
        assertRefused(as(manager, "api/mechanics", "active", "maybe").get(), 400, "INVALID_PARAMETER");
    }

    @Test
    void roleMatrix() {
        JsonObject mechanic = Fixtures.mechanic();
        String id = mechanic.getJsonNumber("id").toString();
        String own = Fixtures.mechanicToken(mechanic);
        for (String role : new String[] {"user", "mechanic", "customer", "own mechanic"}) {
            String token = role.equals("own mechanic") ? own : Api.tokenFor(role);
            boolean mechanicReads = role.endsWith("mechanic"); // to see who works on a ticket (DESIGN)
            for (String path : new String[] {"api/mechanics", "api/mechanics/" + id}) {
                try (Response r = as(token, path).get()) {
                    if (mechanicReads) {
                        assertEquals(200, r.getStatus(), role + " reads " + path);
                    } else {
                        assertProblem(r, 403, "FORBIDDEN");
                    }
                }
            }
            assertRefused(
                    as(token, "api/mechanics")
                            .post(json(request(
                                    "X",
                                    Api.uniqueEmail("x"),
                                    "x-" + Api.RUN + "-" + role.replace(' ', '-'),
                                    Api.PASSWORD))),
                    403,
                    "FORBIDDEN");
            assertRefused(
                    as(token, "api/mechanics/" + id)
                            .put(json(object("name", "X", "email", mechanic.getString("email")))),
                    403,
                    "FORBIDDEN");
            assertRefused(as(token, "api/mechanics/" + id).delete(), 403, "FORBIDDEN");
        }
        for (String role : new String[] {"manager", "admin"}) {
            try (Response r = as(Api.tokenFor(role), "api/mechanics/" + id).get()) {
                assertEquals(200, r.getStatus());
            }
        }
        try (Response r = anonymous("api/mechanics").get()) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = anonymous("api/mechanics/" + id).delete()) {
            assertEquals(401, r.getStatus());
        }
    }

    private static JsonObject mechanicLogin(String username, String password, int status) {
        try (Response r = anonymous("api/mechanics/login").post(json(login(username, password)))) {
            assertEquals(status, r.getStatus());
            return body(r);
        }
    }

    private static JsonObject login(String username, String password) {
        return object("username", username, "password", password);
    }

    private static JsonObject request(String name, String email, String username, String password) {
        return object("name", name, "email", email, "username", username, "password", password, "position", "Mechanic");
    }
}
