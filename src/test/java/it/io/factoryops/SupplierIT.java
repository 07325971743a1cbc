package it.io.factoryops;

import static it.io.factoryops.support.Access.assertForbidden;
import static it.io.factoryops.support.Access.assertUnauthorized;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertDeleted;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.created;
import static it.io.factoryops.support.Api.get;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadInput.assertPostsRefused;
import static it.io.factoryops.support.BadInput.invalid;
import static it.io.factoryops.support.BadInput.malformed;
import static it.io.factoryops.support.BadQuery.assertQueriesRefusedNaming;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Access.Call;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Suppliers end to end: CRUD, unique codes, lists, ETags, roles, bad input, audit. */
class SupplierIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String manager = Api.tokenFor("manager");

    private static String code() {
        return "SUPIT-" + Api.RUN + "-" + SEQ.incrementAndGet(); // Fixtures.supplier() uses SUP-
    }

    private static JsonObject supplier(String name, String code) {
        return object(
                "name",
                name,
                "code",
                code,
                "contact",
                "Jana Weber",
                "email",
                Api.uniqueEmail("sup"),
                "phone",
                "+49 40 1234567",
                "address",
                "Hafenstrasse 7",
                "lead_time_days",
                14,
                "payment_terms",
                "Net 30");
    }

    private JsonObject create(String name, String code) {
        return created(manager, "api/suppliers", supplier(name, code));
    }

    @Test
    void createReadReplaceDeactivateDelete() {
        String code = code();
        JsonObject created = create("Hydraulik Nord", code.toLowerCase());
        long id = created.getJsonNumber("id").longValue();
        assertEquals(code.toUpperCase(), created.getString("code"), "codes are stored in upper case");
        assertEquals(14, created.getInt("lead_time_days"));
        assertEquals("Net 30", created.getString("payment_terms"));
        assertTrue(created.getBoolean("active"), "active by default");
        assertTrue(created.getString("created_at").endsWith("Z"));

        try (Response r = as(manager, "api/suppliers/" + id).get()) {
            assertEquals(200, r.getStatus());
            assertEquals("Hydraulik Nord", body(r).getString("name"));
        }
        try (Response r = as(manager, "api/suppliers/" + id)
                .header("If-Match", "\"" + created.getInt("version") + "\"")
                .put(json(object("name", "Hydraulik Nord GmbH", "code", code, "active", false)))) {
            assertEquals(200, r.getStatus());
            JsonObject s = body(r);
            assertEquals("Hydraulik Nord GmbH", s.getString("name"));
            assertFalse(s.getBoolean("active"));
            assertFalse(s.containsKey("lead_time_days"), "PUT replaces every field");
            assertFalse(s.containsKey("email"));
            assertEquals(created.getInt("version") + 1, s.getInt("version"));
        }
        try (Response r = as(Api.tokenFor("admin"), "api/audit-logs").get()) {
            assertEquals(200, r.getStatus());
        }
        try (Response r = get(
                Api.tokenFor("admin"),
                Api.target("api/audit-logs")
                        .queryParam("entity_type", "supplier")
                        .queryParam("entity_id", Long.toString(id)))) {
            List<String> actions = body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getString("action"))
                    .toList();
            assertTrue(actions.containsAll(List.of("CREATE", "UPDATE")), actions.toString());
        }
        assertDeleted(manager, manager, "api/suppliers/" + id);
        assertRefused(as(manager, "api/suppliers/" + id).delete(), 404, "NOT_FOUND");
        try (Response r = get(
                Api.tokenFor("admin"),
                Api.target("api/audit-logs")
                        .queryParam("entity_type", "supplier")
                        .queryParam("entity_id", Long.toString(id))
                        .queryParam("action", "DELETE"))) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
    }

    @Test
    void codeIsUniqueIgnoringCase() {
        String code = code();
        long first = create("First", code).getJsonNumber("id").longValue();
        try (Response r = as(manager, "api/suppliers").post(json(supplier("Second", code.toLowerCase())))) {
            JsonObject p = assertProblem(r, 409, "ALREADY_EXISTS");
            assertEquals("code", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        long second = create("Second", code()).getJsonNumber("id").longValue();
        assertRefused(
                as(manager, "api/suppliers/" + second).put(json(supplier("Second", code))), 409, "ALREADY_EXISTS");
        try (Response r = as(manager, "api/suppliers/" + first).put(json(supplier("First again", code)))) {
            assertEquals(200, r.getStatus(), "keeping its own code is no conflict");
        }
    }

    @Test
    void listPagesSortsSearchesAndFilters() {
        String tag = "Tag" + Api.RUN;
        for (int i = 1; i <= 5; i++) {
            JsonObject body =
                    with(supplier("Vendor " + (char) ('A' + i) + " " + tag, code()), "lead_time_days", i * 10);
            if (i == 5) {
                body = with(body, "active", false);
            }
            try (Response r = as(manager, "api/suppliers").post(json(body))) {
                assertEquals(201, r.getStatus());
            }
        }
        WebTarget list =
                Api.target("api/suppliers").queryParam("q", tag.toLowerCase()).queryParam("per_page", "2");
        try (Response r = get(manager, list.queryParam("sort", "-lead_time_days"))) {
            assertEquals(200, r.getStatus());
            JsonObject page = body(r);
            assertEquals(5, page.getJsonObject("pagination").getInt("total"));
            assertEquals(3, page.getJsonObject("pagination").getInt("pages"));
            assertEquals(
                    List.of(50, 40),
                    page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                            .map(s -> s.getInt("lead_time_days"))
                            .toList());
            assertTrue(r.getHeaderString("Link").contains("rel=\"next\""));
        }
        try (Response r = get(manager, list.queryParam("active", "true").queryParam("sort", "name"))) {
            JsonObject page = body(r);
            assertEquals(4, page.getJsonObject("pagination").getInt("total"));
            assertEquals(
                    "Vendor B " + tag,
                    page.getJsonArray("data").getJsonObject(0).getString("name"));
        }
        try (Response r = get(manager, list.queryParam("active", "false"))) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
        for (String sort : new String[] {"code", "-created_at", "id", "name,-id"}) {
            try (Response r = get(manager, list.queryParam("sort", sort))) {
                assertEquals(200, r.getStatus(), sort);
            }
        }
        assertQueriesRefusedNaming(
                manager, "api/suppliers", "sort", "email", "active", "yes", "per_page", "101", "q", "x".repeat(201));
    }

    @Test
    void etagsGive304AndStaleWritesGive412() {
        JsonObject s = create("Etag Supplier", code());
        long id = s.getJsonNumber("id").longValue();
        String etag;
        try (Response r = as(manager, "api/suppliers/" + id).get()) {
            etag = r.getHeaderString("ETag");
        }
        try (Response r =
                as(manager, "api/suppliers/" + id).header("If-None-Match", etag).get()) {
            assertEquals(304, r.getStatus());
        }
        try (Response r = as(manager, "api/suppliers/" + id)
                .header("If-Match", etag)
                .put(json(supplier("Etag Supplier 2", s.getString("code"))))) {
            assertEquals(200, r.getStatus());
        }
        assertRefused(
                as(manager, "api/suppliers/" + id)
                        .header("If-Match", etag)
                        .put(json(supplier("Etag Supplier 3", s.getString("code")))),
                412,
                "VERSION_CONFLICT");
        assertRefused(
                as(manager, "api/suppliers/" + id).header("If-Match", etag).delete(), 412, "VERSION_CONFLICT");
        try (Response r = as(manager, "api/suppliers/" + id).get()) {
            assertEquals("Etag Supplier 2", body(r).getString("name"));
        }
    }

    @Test
    void badInputIs400NamingTheField() {
        assertPostsRefused(
                manager,
                "api/suppliers",
                invalid(object("name", "N", "code", "C-" + Api.RUN, "lead_time_days", 366), "lead_time_days"),
                invalid(object("name", "N", "code", "C-" + Api.RUN, "lead_time_days", -1), "lead_time_days"),
                malformed(object("name", "N", "code", "C-" + Api.RUN, "lead_time_days", 1.5), "lead_time_days"),
                malformed(object("name", "N", "code", "C-" + Api.RUN, "lead_time_days", "soon"), "lead_time_days"),
                malformed(
                        object("name", "N", "code", "C-" + Api.RUN, "lead_time_days", 99999999999L), "lead_time_days"),
                invalid(object("name", "N", "code", "C-" + Api.RUN, "email", "not-an-email"), "email"),
                invalid(object("name", "N", "code", "C-" + Api.RUN, "payment_terms", "t".repeat(51)), "payment_terms"),
                invalid(object("name", "n".repeat(201), "code", "C-" + Api.RUN), "name"),
                invalid(object("name", "N", "code", "C".repeat(33)), "code"),
                invalid(object("name", "N", "code", "has space"), "code"),
                invalid(object("name", "N"), "code"),
                malformed(object("name", "N", "code", "C-" + Api.RUN, "active", "maybe"), "active"));
        assertRefused(as(manager, "api/suppliers").post(json("{\"name\": \"x\", ")), 400, "MALFORMED_JSON");
        assertRefused(as(manager, "api/suppliers/99999999999").put(json(supplier("N", code()))), 404, "NOT_FOUND");
        assertRefused(as(manager, "api/suppliers/abc").get(), 400, "INVALID_PARAMETER");
    }

    @Test
    void roleMatrix() {
        long id = Fixtures.supplier();
        for (String role : new String[] {"manager", "admin"}) {
            String token = Api.tokenFor(role);
            try (Response r = as(token, "api/suppliers").get()) {
                assertEquals(200, r.getStatus(), role);
            }
            try (Response r = as(token, "api/suppliers/" + id).get()) {
                assertEquals(200, r.getStatus(), role);
            }
            long own;
            try (Response r = as(token, "api/suppliers").post(json(supplier("By " + role, code())))) {
                assertEquals(201, r.getStatus(), role);
                own = body(r).getJsonNumber("id").longValue();
            }
            try (Response r = as(token, "api/suppliers/" + own).put(json(supplier("By " + role, code())))) {
                assertEquals(200, r.getStatus(), role);
            }
            try (Response r = as(token, "api/suppliers/" + own).delete()) {
                assertEquals(204, r.getStatus(), role);
            }
        }
        try (Response r = as(Api.adminToken(), "api/suppliers/" + id).get()) {
            assertEquals(200, r.getStatus(), "super_admin includes manager");
        }
        JsonObject body = supplier("Nope", code());
        Call list = Call.get("api/suppliers");
        Call one = Call.get("api/suppliers/" + id);
        Call create = Call.post("api/suppliers", body);
        Call replace = Call.put("api/suppliers/" + id, body);
        Call delete = Call.delete("api/suppliers/" + id);
        assertForbidden(List.of("user", "mechanic", "customer"), list, one, create, replace, delete);
        assertUnauthorized(list, one, create, replace, delete);
    }
}
