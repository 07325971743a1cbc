package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The audit log: each change, login and failure, with actor, changed fields, ip and request id. */
class AuditLogIT {

    private static JsonArray rows(WebTarget query) {
        try (Response r = query.request()
                .header("Authorization", "Bearer " + Api.adminToken())
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data");
        }
    }

    @Test
    void changesAreAuditedWithActorChangedFieldsAndRequestId() {
        String adminName = Api.createUser("admin");
        String token = Api.login(adminName, Api.PASSWORD).getString("access_token");
        String email = Api.uniqueEmail("audited");
        long id;
        try (Response r = as(token, "api/employees")
                .header("X-Request-Id", "audit-" + Api.RUN)
                .header("User-Agent", "audit-test")
                .post(json(object("name", "Audited", "email", email)))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
        }
        try (Response r = as(token, "api/employees/" + id).method("PATCH", json(object("position", "Welder")))) {
            assertEquals(200, r.getStatus());
        }
        JsonArray rows = rows(Api.target("api/audit-logs")
                .queryParam("entity_type", "employee")
                .queryParam("entity_id", Long.toString(id))
                .queryParam("sort", "occurred_at"));
        assertEquals(2, rows.size());
        JsonObject created = rows.getJsonObject(0);
        assertEquals("CREATE", created.getString("action"));
        assertEquals(adminName, created.getString("actor"));
        assertEquals("audit-" + Api.RUN, created.getString("request_id"));
        assertEquals("audit-test", created.getString("user_agent"));
        assertFalse(created.getString("ip").isBlank());
        assertEquals("Audited", created.getJsonObject("after").getString("name"));
        JsonObject updated = rows.getJsonObject(1);
        assertEquals("UPDATE", updated.getString("action"));
        assertEquals(JsonObject.NULL, updated.getJsonObject("before").get("position"));
        assertEquals("Welder", updated.getJsonObject("after").getString("position"));
        assertEquals(1, updated.getJsonObject("after").size(), "only the changed field");
    }

    private static java.util.List<String> actions(String type, long id) {
        return rows(Api.target("api/audit-logs")
                        .queryParam("entity_type", type)
                        .queryParam("entity_id", Long.toString(id))
                        .queryParam("sort", "occurred_at"))
                .getValuesAs(JsonObject.class)
                .stream()
                .map(o -> o.getString("action"))
                .toList();
    }

    @Test
    void everyKindOfBusinessChangeIsAudited() {
        long customer = it.io.factoryops.support.Fixtures.customer();
        long product = it.io.factoryops.support.Fixtures.product("2.00", 10);
        long employee = it.io.factoryops.support.Fixtures.employee();
        long order;
        try (Response r = as(Api.tokenFor("user"), "api/orders")
                .post(json(it.io.factoryops.support.Fixtures.orderBody(customer, product, 1)))) {
            order = body(r).getJsonNumber("id").longValue();
        }
        as(Api.tokenFor("admin"), "api/orders/" + order + "/cancel").post(null).close();
        as(Api.tokenFor("manager"), "api/products/" + product + "/adjust-stock")
                .post(json(object("delta", 1, "reason", "count")))
                .close();
        long production;
        try (Response r = as(Api.tokenFor("manager"), "api/production")
                .post(json(object("employee_id", employee, "product_id", product, "quantity", 2)))) {
            production = body(r).getJsonNumber("id").longValue();
        }
        assertEquals(java.util.List.of("CREATE"), actions("customer", customer));
        assertEquals(java.util.List.of("CREATE", "ADJUST_STOCK"), actions("product", product));
        assertEquals(java.util.List.of("CREATE"), actions("employee", employee));
        assertEquals(java.util.List.of("CREATE", "CANCEL"), actions("order", order));
        assertEquals(java.util.List.of("CREATE"), actions("production", production));
        JsonObject cancel = rows(Api.target("api/audit-logs")
                        .queryParam("entity_type", "order")
                        .queryParam("entity_id", Long.toString(order))
                        .queryParam("action", "CANCEL"))
                .getJsonObject(0);
        assertEquals("placed", cancel.getJsonObject("before").getString("status"));
        assertEquals("cancelled", cancel.getJsonObject("after").getString("status"));
    }

    @Test
    void aFailedChangeLeavesNoAuditRow() {
        String adminName = Api.createUser("admin");
        String token = Api.login(adminName, Api.PASSWORD).getString("access_token");
        try (Response r = as(token, "api/employees").post(json(object("name", "Dup", "email", "x@")))) {
            assertEquals(400, r.getStatus());
        }
        String email = Api.uniqueEmail("dup");
        try (Response r = as(token, "api/employees").post(json(object("name", "One", "email", email)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(token, "api/employees").post(json(object("name", "Two", "email", email)))) {
            assertEquals(409, r.getStatus());
        }
        JsonArray rows =
                rows(Api.target("api/audit-logs").queryParam("actor", adminName).queryParam("entity_type", "employee"));
        assertEquals(1, rows.size(), rows.toString());
    }

    @Test
    void loginsAndFailedLoginsAreAudited() {
        String username = Api.createUser("user");
        try (Response r = anonymous("api/auth/login")
                .post(json(object("username", username, "password", "not-the-password-1")))) {
            assertEquals(401, r.getStatus());
        }
        Api.login(username, Api.PASSWORD);
        JsonArray failed =
                rows(Api.target("api/audit-logs").queryParam("actor", username).queryParam("action", "LOGIN_FAILED"));
        assertEquals(1, failed.size());
        assertEquals(
                "wrong password", failed.getJsonObject(0).getJsonObject("after").getString("reason"));
        assertEquals(
                1,
                rows(Api.target("api/audit-logs").queryParam("actor", username).queryParam("action", "LOGIN"))
                        .size());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertTrue(rows(Api.target("api/audit-logs")
                                .queryParam("actor", username)
                                .queryParam("date_from", today)
                                .queryParam("date_to", today))
                        .size()
                >= 2);
        assertEquals(
                0,
                rows(Api.target("api/audit-logs").queryParam("actor", username).queryParam("date_to", "2000-01-01"))
                        .size());
    }

    /** A password typed into the username field must not land in the audit log. */
    @Test
    void aFailedLoginIsAuditedWithoutTheRawLogin() {
        String typed = "Secret-Passw0rd-" + Api.RUN;
        assertRefused(
                anonymous("api/auth/login").post(json(object("username", typed, "password", "whatever-123"))),
                401,
                "INVALID_CREDENTIALS");
        try (Response r = as(
                        Api.adminToken(),
                        "api/audit-logs",
                        "action",
                        "LOGIN_FAILED",
                        "per_page",
                        "100",
                        "sort",
                        "-occurred_at")
                .get()) {
            String text = r.readEntity(String.class);
            assertEquals(200, r.getStatus());
            assertFalse(
                    text.toLowerCase(java.util.Locale.ROOT).contains(typed.toLowerCase(java.util.Locale.ROOT)), text);
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("passw0rd"), text);
            assertTrue(text.contains("\"actor\":\"s***(" + typed.length() + ")\""), text);
        }
    }

    @Test
    void onlyAdminsReadItAndFiltersAreValidated() {
        for (String role : new String[] {"manager", "user", "mechanic", "customer"}) {
            assertRefused(as(Api.tokenFor(role), "api/audit-logs").get(), 403, "FORBIDDEN");
        }
        assertRefused(anonymous("api/audit-logs").get(), 401, "UNAUTHORIZED");
        assertRefused(
                as(Api.tokenFor("admin"), "api/audit-logs", "date_from", "yesterday")
                        .get(),
                400,
                "INVALID_PARAMETER");
    }
}
