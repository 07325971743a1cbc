package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertDeleted;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.get;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadInput.assertPostsRefused;
import static it.io.factoryops.support.BadInput.invalid;
import static it.io.factoryops.support.BadInput.malformed;
import static it.io.factoryops.support.BadQuery.assertQueriesRefusedNaming;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Catalogue;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tree of part categories: paths, moves, cycles, depth, descendants in filters, roles, bad input. */
class CategoryIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");
    private final Catalogue categories = new Catalogue("api/inventory/categories", manager, user);

    private static String unique(String name) {
        return name + " " + Api.RUN + "-" + SEQ.incrementAndGet();
    }

    private static JsonObject category(String name, Long parentId) {
        return sparse("name", name, "parent_id", parentId);
    }

    private JsonObject create(String name, Long parentId) {
        return categories.create(category(name, parentId));
    }

    private List<String> names(WebTarget target) {
        return categories.values(target, "name");
    }

    @Test
    void pathsFollowRenamesAndMoves() {
        String hydraulics = unique("Hydraulics");
        JsonObject root = create(hydraulics, null);
        assertFalse(root.containsKey("parent_id"), "a root has no parent");
        assertEquals(hydraulics, root.getString("path"));
        assertEquals(1, root.getInt("depth"));
        assertEquals(1, root.getInt("version"), "a new node is at its first version");
        JsonObject seals = create("Seals", id(root));
        assertEquals(hydraulics + " / Seals", seals.getString("path"));
        assertEquals(2, seals.getInt("depth"));
        assertEquals(id(root), seals.getJsonNumber("parent_id").longValue());
        JsonObject orings = create("O-rings", id(seals));
        assertEquals(hydraulics + " / Seals / O-rings", orings.getString("path"));
        assertEquals(3, orings.getInt("depth"));

        // rename the root: every path below follows, and each changed node gets a new version (ETag)
        String fluid = unique("Fluid power");
        try (Response r = as(manager, "api/inventory/categories/" + id(root))
                .header("If-Match", "\"1\"")
                .put(json(category(fluid, null)))) {
            assertEquals(200, r.getStatus());
            assertEquals(fluid, body(r).getString("path"));
        }
        JsonObject movedOrings = categories.read(id(orings));
        assertEquals(fluid + " / Seals / O-rings", movedOrings.getString("path"));
        assertEquals(orings.getInt("version") + 1, movedOrings.getInt("version"));

        // move Seals (with its child) under another root: paths and depths follow
        String pneumatics = unique("Pneumatics");
        JsonObject other = create(pneumatics, null);
        JsonObject valves = create("Valves", id(other));
        try (Response r =
                as(manager, "api/inventory/categories/" + id(seals)).put(json(category("Seals", id(valves))))) {
            assertEquals(200, r.getStatus());
            JsonObject s = body(r);
            assertEquals(pneumatics + " / Valves / Seals", s.getString("path"));
            assertEquals(3, s.getInt("depth"));
            assertEquals(id(valves), s.getJsonNumber("parent_id").longValue());
        }
        JsonObject deep = categories.read(id(orings));
        assertEquals(pneumatics + " / Valves / Seals / O-rings", deep.getString("path"));
        assertEquals(4, deep.getInt("depth"));

        // and back to a root
        try (Response r =
                as(manager, "api/inventory/categories/" + id(seals)).put(json(category(unique("Seals"), null)))) {
            assertEquals(200, r.getStatus());
            assertEquals(1, body(r).getInt("depth"));
        }
        assertEquals(2, categories.read(id(orings)).getInt("depth"));
    }

    @Test
    void aCategoryCannotBecomeItsOwnAncestor() {
        JsonObject a = create(unique("Cycle A"), null);
        JsonObject b = create("B", id(a));
        JsonObject c = create("C", id(b));
        for (JsonObject target : List.of(a, b, c)) {
            try (Response r = as(manager, "api/inventory/categories/" + id(a))
                    .put(json(category(a.getString("name"), id(target))))) {
                JsonObject p = assertProblem(r, 409, "TREE_CYCLE");
                assertEquals(
                        "parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
            }
        }
        assertEquals(a.getString("path"), categories.read(id(a)).getString("path"), "nothing changed");
        assertEquals(3, categories.read(id(c)).getInt("depth"));
    }

    /** Each move checks for a cycle against the other's committed paths: the tree's lock serialises them. */
    @Test
    void concurrentCrossMovesNeverBuildACycle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                JsonObject a = create(unique("Cross A"), null);
                JsonObject b = create(unique("Cross B"), null);
                List<Callable<Integer>> moves = List.of(() -> move(a, id(b)), () -> move(b, id(a)));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(moves)) {
                    statuses.add(f.get());
                }
                assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), statuses.toString());
                JsonObject movedA = categories.read(id(a));
                JsonObject movedB = categories.read(id(b));
                assertEquals(3, movedA.getInt("depth") + movedB.getInt("depth"), "one root, one child");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int move(JsonObject node, long parentId) {
        try (Response r = as(manager, "api/inventory/categories/" + id(node))
                .put(json(category(node.getString("name"), parentId)))) {
            if (r.getStatus() != 200) {
                assertProblem(r, 409, "TREE_CYCLE");
            }
            return r.getStatus();
        }
    }

    @Test
    void namesAreUniqueAmongSiblingsOnly() {
        JsonObject root = create(unique("Siblings"), null);
        create("Bolts", id(root));
        try (Response r = as(manager, "api/inventory/categories").post(json(category("BOLTS", id(root))))) {
            JsonObject p = assertProblem(r, 409, "ALREADY_EXISTS");
            assertEquals("name", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(manager, "api/inventory/categories").post(json(category(root.getString("name"), null))),
                409,
                "ALREADY_EXISTS");
        JsonObject other = create(unique("Other"), null);
        JsonObject bolts = create("Bolts", id(other));
        assertRefused(
                as(manager, "api/inventory/categories/" + id(bolts)).put(json(category("Bolts", id(root)))),
                409,
                "ALREADY_EXISTS");
    }

    @Test
    void unknownParentsAre404NamingTheField() {
        try (Response r = as(manager, "api/inventory/categories").post(json(category("Orphan", 999_999_999L)))) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertEquals("parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        long id = id(create(unique("Lonely"), null));
        try (Response r = as(manager, "api/inventory/categories/" + id).put(json(category("Lonely", 999_999_999L)))) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertEquals("parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        for (String parameter : new String[] {"parent_id", "under"}) {
            try (Response r = get(user, Api.target("api/inventory/categories").queryParam(parameter, "999999999"))) {
                JsonObject p = assertProblem(r, 404, "NOT_FOUND");
                assertEquals(
                        parameter, p.getJsonArray("errors").getJsonObject(0).getString("field"));
            }
        }
    }

    @Test
    void treesAreAtMostTenLevelsDeep() {
        Long parent = null;
        JsonObject first = null;
        for (int level = 1; level <= 10; level++) {
            JsonObject c = create(level == 1 ? unique("Deep") : "Level " + level, parent);
            assertEquals(level, c.getInt("depth"));
            parent = id(c);
            first = first == null ? c : first;
        }
        try (Response r = as(manager, "api/inventory/categories").post(json(category("Level 11", parent)))) {
            JsonObject p = assertProblem(r, 400, "VALIDATION_FAILED");
            assertEquals("parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        // moving a two-level tree under the deepest node would make it 12 levels deep
        JsonObject top = create(unique("Small"), null);
        create("Leaf", id(top));
        assertRefused(
                as(manager, "api/inventory/categories/" + id(top)).put(json(category(top.getString("name"), parent))),
                400,
                "VALIDATION_FAILED");
        assertEquals(1, categories.read(id(top)).getInt("depth"));
    }

    @Test
    void listsFilterByParentAndWholeSubtrees() {
        JsonObject root = create(unique("Filters"), null);
        JsonObject a = create("Alpha", id(root));
        JsonObject b = create("Beta", id(root));
        JsonObject a1 = create("Alpha-1", id(a));
        create("Alpha-1-x", id(a1));
        create("Beta-1", id(b));
        WebTarget list = Api.target("api/inventory/categories");
        assertEquals(
                List.of("Alpha", "Beta"),
                names(list.queryParam("parent_id", id(root)).queryParam("sort", "name")));
        assertEquals(
                List.of("Alpha", "Alpha-1", "Alpha-1-x", "Beta", "Beta-1"),
                names(list.queryParam("under", id(root))),
                "default sort path: depth-first");
        assertEquals(List.of("Alpha-1", "Alpha-1-x"), names(list.queryParam("under", id(a))));
        assertEquals(List.of(), names(list.queryParam("under", id(b)).queryParam("q", "alpha")));
        assertEquals(
                List.of("Beta-1", "Beta", "Alpha-1-x", "Alpha-1", "Alpha"),
                names(list.queryParam("under", id(root)).queryParam("sort", "-path")));
        assertEquals(
                List.of("Alpha-1-x", "Alpha-1"),
                names(list.queryParam("under", id(root))
                        .queryParam("q", "alpha-1")
                        .queryParam("sort", "-depth")));
        try (Response r = get(
                user,
                list.queryParam("under", id(root)).queryParam("per_page", "2").queryParam("page", "2"))) {
            JsonObject page = body(r);
            assertEquals(5, page.getJsonObject("pagination").getInt("total"));
            assertEquals(3, page.getJsonObject("pagination").getInt("pages"));
            assertTrue(page.getJsonObject("pagination").getBoolean("has_prev"));
        }
        assertQueriesRefusedNaming(
                user,
                "api/inventory/categories",
                "sort",
                "parent_id",
                "parent_id",
                "abc",
                "parent_id",
                "0",
                "under",
                "-1",
                "under",
                "99999999999999999999",
                "per_page",
                "0");
    }

    @Test
    void aCategoryWithChildrenCannotBeDeleted() {
        JsonObject root = create(unique("Delete"), null);
        JsonObject child = create("Child", id(root));
        assertRefused(as(manager, "api/inventory/categories/" + id(root)).delete(), 409, "STILL_REFERENCED");
        assertRefused(
                as(manager, "api/inventory/categories/" + id(child))
                        .header("If-Match", "\"7\"")
                        .delete(),
                412,
                "VERSION_CONFLICT");
        try (Response r = as(manager, "api/inventory/categories/" + id(child))
                .header("If-Match", "\"1\"")
                .delete()) {
            assertEquals(204, r.getStatus());
        }
        assertDeleted(manager, user, "api/inventory/categories/" + id(root));
        try (Response r = get(
                Api.tokenFor("admin"),
                Api.target("api/audit-logs")
                        .queryParam("entity_type", "category")
                        .queryParam("entity_id", Long.toString(id(root))))) {
            assertEquals(
                    List.of("CREATE", "DELETE"),
                    body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("action"))
                            .sorted()
                            .toList());
        }
    }

    @Test
    void etagsGive304AndStaleWritesGive412() {
        JsonObject c = create(unique("Etag"), null);
        try (Response r = as(user, "api/inventory/categories/" + id(c))
                .header("If-None-Match", "\"1\"")
                .get()) {
            assertEquals(304, r.getStatus());
        }
        try (Response r = as(manager, "api/inventory/categories/" + id(c))
                .header("If-Match", "\"1\"")
                .put(json(category(unique("Etag"), null)))) {
            assertEquals(200, r.getStatus());
            assertEquals("\"2\"", r.getHeaderString("ETag"));
        }
        assertRefused(
                as(manager, "api/inventory/categories/" + id(c))
                        .header("If-Match", "\"1\"")
                        .put(json(category(unique("Etag"), null))),
                412,
                "VERSION_CONFLICT");
    }

    @Test
    void badInputIs400() {
        assertPostsRefused(
                manager,
                "api/inventory/categories",
                invalid(object("name", "n".repeat(61)), "name"),
                invalid(object("name", "A/B"), "name"),
                invalid(object("name", "  "), "name"),
                invalid(object(), "name"),
                invalid(object("name", "N", "parent_id", 0), "parent_id"),
                malformed(object("name", "N", "parent_id", 1.5), "parent_id"),
                malformed(object("name", "N", "parent_id", "one"), "parent_id"),
                malformed(object("name", "N", "parent_id", new BigDecimal("99999999999999999999")), "parent_id"));
        assertRefused(as(manager, "api/inventory/categories").post(json("{\"name\": ")), 400, "MALFORMED_JSON");
        assertRefused(
                as(manager, "api/inventory/categories/99999999999").put(json(category("N", null))), 404, "NOT_FOUND");
    }

    @Test
    void roleMatrix() {
        long id = Fixtures.category("Roles", null);
        for (String role : new String[] {"user", "mechanic", "manager", "admin"}) {
            String token = Api.tokenFor(role);
            try (Response r = as(token, "api/inventory/categories").get()) {
                assertEquals(200, r.getStatus(), role);
            }
            try (Response r = as(token, "api/inventory/categories/" + id).get()) {
                assertEquals(200, r.getStatus(), role);
            }
        }
        try (Response r = as(Api.adminToken(), "api/inventory/categories/" + id).get()) {
            assertEquals(200, r.getStatus(), "super_admin");
        }
        for (String token : new String[] {Api.tokenFor("manager"), Api.tokenFor("admin"), Api.adminToken()}) {
            long own;
            try (Response r = as(token, "api/inventory/categories").post(json(category(unique("Own"), id)))) {
                assertEquals(201, r.getStatus());
                own = id(body(r));
            }
            try (Response r = as(token, "api/inventory/categories/" + own).put(json(category(unique("Own"), id)))) {
                assertEquals(200, r.getStatus());
            }
            try (Response r = as(token, "api/inventory/categories/" + own).delete()) {
                assertEquals(204, r.getStatus());
            }
        }
        categories.assertStaffOnly(id, category(unique("Nope"), null));
    }
}
