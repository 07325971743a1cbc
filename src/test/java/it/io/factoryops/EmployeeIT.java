package it.io.factoryops;

import static it.io.factoryops.support.Access.assertForbidden;
import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertDeleted;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.created;
import static it.io.factoryops.support.Api.get;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefusedNaming;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Access.Call;
import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The employee slice end to end: CRUD, lists, ETags, roles, bad input, concurrency. */
class EmployeeIT {

    private final String admin = Api.tokenFor("admin");
    private final String manager = Api.tokenFor("manager");

    private static JsonObject employee(String name, String email, String department) {
        return object(
                "name",
                name,
                "email",
                email,
                "position",
                "Operator",
                "department",
                department,
                "hire_date",
                "2024-03-01");
    }

    private JsonObject create(String name, String department) {
        return created(admin, "api/employees", employee(name, Api.uniqueEmail("emp"), department));
    }

    @Test
    void createReadReplacePatchDelete() {
        JsonObject created = create("Grace Hopper", "Assembly");
        long id = created.getJsonNumber("id").longValue();
        assertEquals("Grace Hopper", created.getString("name"));
        assertEquals("2024-03-01", created.getString("hire_date"));
        assertTrue(created.getBoolean("active"));
        assertTrue(created.getString("created_at").endsWith("Z"));

        try (Response r = as(manager, "api/employees/" + id).get()) {
            assertEquals(200, r.getStatus());
            assertEquals("Grace Hopper", body(r).getString("name"));
        }
        String email = Api.uniqueEmail("replaced");
        try (Response r = as(admin, "api/employees/" + id)
                .put(json(object("name", "Grace B. Hopper", "email", email, "active", false)))) {
            assertEquals(200, r.getStatus());
            JsonObject e = body(r);
            assertEquals("Grace B. Hopper", e.getString("name"));
            assertFalse(e.getBoolean("active"));
            assertFalse(e.containsKey("department"), "PUT replaces every field");
            assertEquals(created.getInt("version") + 1, e.getInt("version"));
        }
        try (Response r = as(admin, "api/employees/" + id)
                .method("PATCH", Entity.entity(object("department", "Paint"), "application/merge-patch+json"))) {
            assertEquals(200, r.getStatus());
            JsonObject e = body(r);
            assertEquals("Paint", e.getString("department"));
            assertEquals("Grace B. Hopper", e.getString("name"), "PATCH keeps absent fields");
        }
        assertRefused(
                as(admin, "api/employees/" + id).method("PATCH", json(object("name", " "))), 400, "VALIDATION_FAILED");
        assertDeleted(admin, manager, "api/employees/" + id);
        assertRefused(as(admin, "api/employees/" + id).delete(), 404, "NOT_FOUND");
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        String email = Api.uniqueEmail("unique");
        try (Response r = as(admin, "api/employees").post(json(employee("A", email, "X")))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(admin, "api/employees").post(json(employee("B", email.toUpperCase(), "X")))) {
            JsonObject p = assertProblem(r, 409, "ALREADY_EXISTS");
            assertEquals("email", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void roleMatrix() {
        long id = create("Matrix", "QA").getJsonNumber("id").longValue();
        JsonObject body = employee("M2", Api.uniqueEmail("m2"), "QA");
        // read: manager and above
        for (String role : new String[] {"manager", "admin"}) {
            try (Response r = as(Api.tokenFor(role), "api/employees").get()) {
                assertEquals(200, r.getStatus(), role);
            }
            try (Response r = as(Api.tokenFor(role), "api/employees/" + id).get()) {
                assertEquals(200, r.getStatus(), role);
            }
        }
        assertForbidden(
                List.of("user", "mechanic", "customer"), Call.get("api/employees"), Call.get("api/employees/" + id));
        // write: admin and above
        assertForbidden(
                List.of("manager", "user", "mechanic", "customer"),
                Call.post("api/employees", body),
                Call.put("api/employees/" + id, body),
                new Call("PATCH", "api/employees/" + id, object("name", "x")),
                Call.delete("api/employees/" + id));
        assertRefused(anonymous("api/employees/" + id).get(), 401, "UNAUTHORIZED");
        assertRefused(anonymous("api/employees").post(json(body)), 401, "UNAUTHORIZED");
        try (Response r = as(Api.adminToken(), "api/employees").post(json(body))) {
            assertEquals(201, r.getStatus(), "super_admin includes admin");
        }
    }

    @Test
    void listPagesSortsSearchesAndFilters() {
        String department = "Dept-" + Api.RUN;
        for (int i = 1; i <= 7; i++) {
            create("Worker " + (char) ('A' + 7 - i) + " " + Api.RUN, department);
        }
        WebTarget list = Api.target("api/employees")
                .queryParam("department", department.toLowerCase())
                .queryParam("per_page", "3")
                .queryParam("sort", "-name");
        try (Response r = get(manager, list.queryParam("page", "1"))) {
            assertEquals(200, r.getStatus());
            JsonObject page = body(r);
            JsonObject p = page.getJsonObject("pagination");
            assertEquals(7, p.getInt("total"));
            assertEquals(3, p.getInt("pages"));
            assertEquals(3, p.getInt("per_page"));
            assertTrue(p.getBoolean("has_next"));
            assertFalse(p.getBoolean("has_prev"));
            List<String> names = page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("name"))
                    .toList();
            assertEquals(List.of("Worker G " + Api.RUN, "Worker F " + Api.RUN, "Worker E " + Api.RUN), names);
            String link = r.getHeaderString("Link");
            assertNotNull(link);
            assertTrue(
                    link.contains("rel=\"next\"") && link.contains("rel=\"last\"") && link.contains("rel=\"first\""));
            assertFalse(link.contains("rel=\"prev\""));
            assertTrue(link.contains("page=2"));
        }
        try (Response r = get(manager, list.queryParam("page", "3"))) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonArray("data").size());
            assertFalse(page.getJsonObject("pagination").getBoolean("has_next"));
            assertTrue(page.getJsonObject("pagination").getBoolean("has_prev"));
        }
        try (Response r = get(manager, list.queryParam("page", "99"))) {
            assertEquals(200, r.getStatus(), "a page past the end is empty, not an error");
            JsonObject page = body(r);
            assertEquals(0, page.getJsonArray("data").size());
            assertEquals(7, page.getJsonObject("pagination").getInt("total"));
        }
        try (Response r = get(manager, Api.target("api/employees").queryParam("q", "worker b " + Api.RUN))) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonObject("pagination").getInt("total"));
        }
        try (Response r = get(
                manager,
                Api.target("api/employees").queryParam("department", department).queryParam("active", "false"))) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
    }

    @Test
    void pagingParametersAreValidated() {
        assertQueriesRefusedNaming(
                manager,
                "api/employees",
                "per_page",
                "0",
                "per_page",
                "101",
                "per_page",
                "-1",
                "per_page",
                "ten",
                "page",
                "0",
                "page",
                "-3",
                "page",
                "x",
                "sort",
                "salary",
                "sort",
                "name,-password");
        try (Response r = get(manager, Api.target("api/employees").queryParam("per_page", "100"))) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void etagsGive304AndStaleWritesGive412() {
        JsonObject e = create("Etag Person", "Etag");
        long id = e.getJsonNumber("id").longValue();
        String etag;
        try (Response r = as(manager, "api/employees/" + id).get()) {
            etag = r.getHeaderString("ETag");
            assertEquals("\"1\"", etag);
        }
        try (Response r =
                as(manager, "api/employees/" + id).header("If-None-Match", etag).get()) {
            assertEquals(304, r.getStatus());
        }
        try (Response r = as(admin, "api/employees/" + id)
                .header("If-Match", etag)
                .method("PATCH", json(object("position", "Lead")))) {
            assertEquals(200, r.getStatus());
            assertEquals("\"2\"", r.getHeaderString("ETag"));
        }
        try (Response r =
                as(manager, "api/employees/" + id).header("If-None-Match", etag).get()) {
            assertEquals(200, r.getStatus(), "changed since");
        }
        assertRefused(
                as(admin, "api/employees/" + id)
                        .header("If-Match", etag)
                        .method("PATCH", json(object("position", "Boss"))),
                412,
                "VERSION_CONFLICT");
        assertRefused(as(admin, "api/employees/" + id).header("If-Match", etag).delete(), 412, "VERSION_CONFLICT");
        assertRefused(
                as(admin, "api/employees/" + id).header("If-Match", "not-a-tag").delete(), 400, "INVALID_PARAMETER");
        try (Response r = as(manager, "api/employees/" + id).get()) {
            assertEquals("Lead", body(r).getString("position"));
        }
    }

    @Test
    void parallelPutsWithOneVersionLetExactlyOneWin() throws Exception {
        JsonObject e = create("Race", "Race");
        long id = e.getJsonNumber("id").longValue();
        String email = e.getString("email");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Racer " + i;
                tasks.add(() -> {
                    try (Response r = as(admin, "api/employees/" + id)
                            .header("If-Match", "\"1\"")
                            .put(json(object("name", name, "email", email)))) {
                        if (r.getStatus() != 200) {
                            assertProblem(r, 412, "VERSION_CONFLICT");
                        }
                        return r.getStatus();
                    }
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        try (Response r = as(manager, "api/employees/" + id).get()) {
            assertEquals(2, body(r).getInt("version"));
        }
    }

    @Test
    void overlongAndMissingFieldsAreRejected() {
        try (Response r = as(admin, "api/employees").post(json(object("email", Api.uniqueEmail("x"))))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            assertEquals("name", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(admin, "api/employees")
                        .post(json(object("name", "N", "email", Api.uniqueEmail("x"), "department", "d".repeat(101)))),
                400,
                "VALIDATION_FAILED");
        assertRefused(
                as(admin, "api/employees/99999999999").put(json(employee("N", Api.uniqueEmail("n"), "D"))),
                404,
                "NOT_FOUND");
    }
}
