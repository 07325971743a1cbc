package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Api.status;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Custom roles: created, assigned, effective, changed, revoked; and every way around "nobody grants a permission
 * they lack", tried with a second account as an attacker would.
 */
class CustomRoleIT {

    private static int counter;

    private static synchronized String roleName(String prefix) {
        return prefix + "-" + Api.RUN.toLowerCase(java.util.Locale.ROOT) + "-" + (++counter);
    }

    private static JsonObject role(String name, String... permissions) {
        return object("name", name, "description", "IT role", "permissions", array((Object[]) permissions));
    }

    private static JsonObject createRole(String token, String name, String... permissions) {
        try (Response r = as(token, "api/custom-roles").post(json(role(name, permissions)))) {
            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
            assertTrue(r.getLocation().getPath().startsWith("/api/custom-roles/"));
            return body(r);
        }
    }

    /** A new account of this built-in role: its id and username. */
    private static JsonObject account(String builtIn) {
        String username = Api.createUser(builtIn);
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            return body(r).getJsonArray("data").getJsonObject(0);
        }
    }

    private static Response assign(String token, JsonObject account, String... roles) {
        return as(token, "api/auth/users/" + account.getInt("id"))
                .put(json(object("custom_roles", array((Object[]) roles))));
    }

    private static JsonObject login(JsonObject account) {
        return Api.login(account.getString("username"), Api.PASSWORD);
    }

    @Test
    void aCustomRoleGivesItsPermissionsToItsHoldersAndTakesThemBack() {
        String admin = Api.tokenFor("admin");
        String name = roleName("buyer");
        JsonObject created = createRole(admin, name, "purchase-orders:read", "suppliers:read");
        assertEquals(List.of("suppliers:read", "purchase-orders:read"), strings(created, "permissions"));
        JsonObject clerk = account("user");
        String before = login(clerk).getString("access_token");
        assertEquals(403, status(before, "api/purchase-orders"));

        try (Response r = assign(admin, clerk, name)) {
            assertEquals(200, r.getStatus());
            JsonObject updated = body(r);
            assertEquals(List.of(name), strings(updated, "custom_roles"));
            assertTrue(strings(updated, "permissions").contains("purchase-orders:read"));
        }
        // the assignment is an account change: the token issued before is refused at once on this server
        assertRefused(as(before, "api/auth/me").get(), 401, "TOKEN_REVOKED");
        JsonObject session = login(clerk);
        String token = session.getString("access_token");
        assertEquals(200, status(token, "api/purchase-orders"));
        assertEquals(200, status(token, "api/suppliers"));
        assertEquals(200, status(token, "api/orders"), "what the built-in role allows stays");
        assertRefused(as(token, "api/purchase-orders").post(json(object("supplier_id", 1))), 403, "FORBIDDEN");
        assertEquals(403, status(token, "api/employees"));

        // the role loses a permission: its holders' tokens stop, and a refresh carries what is left
        long id = created.getJsonNumber("id").longValue();
        try (Response r = as(admin, "api/custom-roles/" + id).put(json(role(name, "suppliers:read")))) {
            assertEquals(200, r.getStatus());
        }
        assertRefused(as(token, "api/suppliers").get(), 401, "TOKEN_REVOKED");
        String refreshed = refresh(session.getString("refresh_token"));
        assertEquals(403, status(refreshed, "api/purchase-orders"));
        assertEquals(200, status(refreshed, "api/suppliers"));

        // taken from the account: gone too
        try (Response r = assign(admin, clerk)) {
            assertEquals(200, r.getStatus());
            assertEquals(List.of(), strings(body(r), "custom_roles"));
        }
        assertRefused(as(refreshed, "api/suppliers").get(), 401, "TOKEN_REVOKED");
        assertEquals(403, status(login(clerk).getString("access_token"), "api/suppliers"));
    }

    @Test
    void nobodyGrantsAPermissionTheyLack() {
        String admin = Api.tokenFor("admin");
        // a manager who may edit roles, but holds no account administration nor order fulfilment
        String editor = roleName("role-editor");
        createRole(admin, editor, "roles:manage");
        JsonObject manager = account("manager");
        try (Response r = assign(admin, manager, editor)) {
            assertEquals(200, r.getStatus());
        }
        String token = login(manager).getString("access_token");

        assertRefused(
                as(token, "api/custom-roles").post(json(role(roleName("escalate"), "users:manage"))), 403, "FORBIDDEN");
        assertRefused(
                as(token, "api/custom-roles").post(json(role(roleName("escalate"), "stock:adjust", "orders:fulfil"))),
                403,
                "FORBIDDEN");
        // what it holds, it may grant
        JsonObject own = createRole(token, roleName("stock"), "stock:adjust", "roles:manage");
        // it may not widen a role, nor touch or delete one with more than it holds
        long ownId = own.getJsonNumber("id").longValue();
        assertRefused(
                as(token, "api/custom-roles/" + ownId)
                        .put(json(role(own.getString("name"), "stock:adjust", "analytics:refresh"))),
                403,
                "FORBIDDEN");
        JsonObject strong = createRole(admin, roleName("strong"), "orders:fulfil");
        long strongId = strong.getJsonNumber("id").longValue();
        assertRefused(
                as(token, "api/custom-roles/" + strongId).put(json(role(strong.getString("name"), "stock:adjust"))),
                403,
                "FORBIDDEN");
        assertRefused(as(token, "api/custom-roles/" + strongId).delete(), 403, "FORBIDDEN");
        // nor assign roles to accounts (itself included): that is account administration
        assertRefused(assign(token, manager, strong.getString("name")), 403, "FORBIDDEN");
        // an admin holds neither a mechanic's queue nor a customer's portal: it cannot grant them either
        assertRefused(
                as(admin, "api/custom-roles").post(json(role(roleName("queue"), "service-tickets:take"))),
                403,
                "FORBIDDEN");
        // an admin cannot give a role to an account it does not manage (another admin)
        JsonObject otherAdmin = account("admin");
        assertRefused(assign(admin, otherAdmin, editor), 403, "FORBIDDEN");
    }

    @Test
    void rolesAreValidatedAndHeldRolesCannotBeDeleted() {
        String admin = Api.tokenFor("admin");
        assertRefused(
                as(admin, "api/custom-roles").post(json(role("manager", "stock:adjust"))), 400, "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/custom-roles").post(json(role(roleName("x"), "stock:destroy"))),
                400,
                "VALIDATION_FAILED");
        assertRefused(as(admin, "api/custom-roles").post(json(role(roleName("x")))), 400, "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/custom-roles").post(json(role("Bad Name!", "stock:adjust"))), 400, "VALIDATION_FAILED");
        assertRefused(as(admin, "api/custom-roles").post(json("{\"name\": \"x\",")), 400, "MALFORMED_JSON");
        String name = roleName("held");
        JsonObject held = createRole(admin, name, "stock:adjust");
        assertRefused(as(admin, "api/custom-roles").post(json(role(name, "bom:write"))), 409, "ALREADY_EXISTS");

        JsonObject customer = account("customer");
        assertRefused(assign(admin, customer, name), 400, "VALIDATION_FAILED");
        assertRefused(assign(admin, account("user"), "no-such-role"), 400, "VALIDATION_FAILED");

        JsonObject mechanic = account("mechanic");
        try (Response r = assign(admin, mechanic, name)) {
            assertEquals(200, r.getStatus(), "a mechanic may hold a custom role");
        }
        long id = held.getJsonNumber("id").longValue();
        assertRefused(as(admin, "api/custom-roles/" + id).delete(), 409, "STILL_REFERENCED");
        try (Response r = assign(admin, mechanic)) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = as(admin, "api/custom-roles/" + id).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(as(admin, "api/custom-roles/" + id).get(), 404, "NOT_FOUND");
    }

    @Test
    void onlyAdminsReadAndWriteRolesAndEveryoneReadsThePermissions() {
        for (String builtIn : new String[] {"manager", "user", "mechanic", "customer"}) {
            String token = Api.tokenFor(builtIn);
            assertEquals(403, status(token, "api/custom-roles"), builtIn);
            assertRefused(
                    as(token, "api/custom-roles").post(json(role(roleName("x"), "account:self"))), 403, "FORBIDDEN");
            try (Response r = as(token, "api/permissions").get()) {
                assertEquals(200, r.getStatus());
                JsonObject approve = r.readEntity(jakarta.json.JsonArray.class).getValuesAs(JsonObject.class).stream()
                        .filter(p -> p.getString("name").equals("purchase-orders:approve"))
                        .findFirst()
                        .orElseThrow();
                assertEquals(List.of("manager"), strings(approve, "roles"));
                assertFalse(approve.getString("description").isBlank());
            }
        }
        try (Response r = as(Api.tokenFor("admin"), "api/roles").get()) {
            JsonObject mechanic = r.readEntity(jakarta.json.JsonArray.class).getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.getString("name").equals("mechanic"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(strings(mechanic, "permissions").contains("service-tickets:take"));
            assertFalse(strings(mechanic, "permissions").contains("orders:read"));
        }
    }

    private static String refresh(String refreshToken) {
        try (Response r = Api.anonymous("api/auth/refresh").post(json(object("refresh_token", refreshToken)))) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
            return body(r).getString("access_token");
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
