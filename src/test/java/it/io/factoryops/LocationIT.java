package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
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

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Catalogue;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tree of stock locations: code paths, unique codes, moves, cycles, subtree filters, roles, bad input. */
class LocationIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String manager = Api.tokenFor("manager");
    private final String mechanic = Api.tokenFor("mechanic");
    private final Catalogue locations = new Catalogue("api/inventory/locations", manager, mechanic);

    /** A warehouse code unique to this run, e.g. WH-M3XK2-4. */
    private static String warehouse() {
        return "WH-" + Api.RUN.toUpperCase() + "-" + SEQ.incrementAndGet();
    }

    private static JsonObject location(String code, String name, Long parentId) {
        return sparse("code", code, "name", name, "parent_id", parentId);
    }

    private JsonObject create(String code, Long parentId) {
        return locations.create(location(code, "Place " + code, parentId));
    }

    private List<String> codes(WebTarget target) {
        return locations.values(target, "code");
    }

    @Test
    void pathsAreCodesFromTheRootAndFollowMoves() {
        String wh = warehouse();
        JsonObject warehouse = create(wh.toLowerCase(), null);
        assertEquals(wh, warehouse.getString("code"), "codes are stored in upper case");
        assertFalse(warehouse.containsKey("parent_id"));
        JsonObject aisle = create(wh + "-A", id(warehouse));
        JsonObject bin = create(wh + "-A-03", id(aisle));
        assertEquals(wh + " / " + wh + "-A / " + wh + "-A-03", bin.getString("path"));
        assertEquals(3, bin.getInt("depth"));

        // a new code for the aisle changes the path of its bin
        try (Response r = as(manager, "api/inventory/locations/" + id(aisle))
                .header("If-Match", "\"1\"")
                .put(json(location(wh + "-B", "Aisle B", id(warehouse))))) {
            assertEquals(200, r.getStatus());
            JsonObject a = body(r);
            assertEquals("Aisle B", a.getString("name"));
            assertEquals(wh + " / " + wh + "-B", a.getString("path"));
        }
        assertEquals(
                wh + " / " + wh + "-B / " + wh + "-A-03",
                locations.read(id(bin)).getString("path"));

        // the aisle moves to another warehouse, its bin with it
        String wh2 = warehouse();
        JsonObject second = create(wh2, null);
        try (Response r = as(manager, "api/inventory/locations/" + id(aisle))
                .put(json(location(wh + "-B", "Aisle B", id(second))))) {
            assertEquals(200, r.getStatus());
        }
        JsonObject moved = locations.read(id(bin));
        assertEquals(wh2 + " / " + wh + "-B / " + wh + "-A-03", moved.getString("path"));
        assertEquals(3, moved.getInt("depth"));
        assertEquals(
                List.of(wh + "-B", wh + "-A-03"),
                codes(Api.target("api/inventory/locations").queryParam("under", id(second))));
        assertEquals(List.of(), codes(Api.target("api/inventory/locations").queryParam("under", id(warehouse))));
        assertEquals(
                List.of(wh + "-B"), codes(Api.target("api/inventory/locations").queryParam("parent_id", id(second))));
    }

    @Test
    void codesAreUniqueAcrossAllLocations() {
        String wh = warehouse();
        JsonObject one = create(wh, null);
        JsonObject other = create(warehouse(), null);
        try (Response r =
                as(manager, "api/inventory/locations").post(json(location(wh.toLowerCase(), "Again", id(other))))) {
            JsonObject p = assertProblem(r, 409, "ALREADY_EXISTS");
            assertEquals("code", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(manager, "api/inventory/locations/" + id(other)).put(json(location(wh, "Taken", null))),
                409,
                "ALREADY_EXISTS");
        try (Response r = as(manager, "api/inventory/locations/" + id(one)).put(json(location(wh, "Renamed", null)))) {
            assertEquals(200, r.getStatus(), "its own code is no conflict");
        }
    }

    @Test
    void cyclesUnknownParentsDepthAndDeletes() {
        String wh = warehouse();
        JsonObject root = create(wh, null);
        JsonObject child = create(wh + "-A", id(root));
        try (Response r =
                as(manager, "api/inventory/locations/" + id(root)).put(json(location(wh, "Loop", id(child))))) {
            JsonObject p = assertProblem(r, 409, "TREE_CYCLE");
            assertEquals("parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(manager, "api/inventory/locations/" + id(root)).put(json(location(wh, "Self", id(root)))),
                409,
                "TREE_CYCLE");
        try (Response r = as(manager, "api/inventory/locations").post(json(location(wh + "-X", "X", 999_999_999L)))) {
            JsonObject p = assertProblem(r, 404, "NOT_FOUND");
            assertEquals("parent_id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        Long parent = id(child);
        for (int level = 3; level <= 10; level++) {
            parent = id(create(wh + "-L" + level, parent));
        }
        assertRefused(
                as(manager, "api/inventory/locations").post(json(location(wh + "-L11", "Too deep", parent))),
                400,
                "VALIDATION_FAILED");
        assertRefused(as(manager, "api/inventory/locations/" + id(root)).delete(), 409, "STILL_REFERENCED");
        assertRefused(
                as(manager, "api/inventory/locations/" + parent)
                        .header("If-Match", "\"5\"")
                        .delete(),
                412,
                "VERSION_CONFLICT");
        try (Response r = as(manager, "api/inventory/locations/" + parent).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(
                as(mechanic, "api/inventory/locations/" + parent)
                        .header("If-None-Match", "\"1\"")
                        .get(),
                404,
                "NOT_FOUND");
    }

    @Test
    void badInputIs400() {
        assertPostsRefused(
                manager,
                "api/inventory/locations",
                invalid(location("C".repeat(33), "N", null), "code"),
                invalid(location("-LEADING", "N", null), "code"),
                invalid(location("WH 1", "N", null), "code"),
                invalid(location(warehouse(), "n".repeat(101), null), "name"),
                invalid(object("code", warehouse()), "name"),
                invalid(location(warehouse(), "N", -4L), "parent_id"),
                malformed(object("code", warehouse(), "name", "N", "parent_id", "x"), "parent_id"));
        assertRefused(as(manager, "api/inventory/locations").post(json("[{")), 400, "MALFORMED_JSON");
        assertQueriesRefusedNaming(
                mechanic, "api/inventory/locations", "sort", "parent_id", "under", "x", "parent_id", "0");
    }

    @Test
    void roleMatrix() {
        long id = Fixtures.location(null);
        for (String role : new String[] {"user", "mechanic", "manager", "admin"}) {
            try (Response r = as(Api.tokenFor(role), "api/inventory/locations").get()) {
                assertEquals(200, r.getStatus(), role);
            }
            try (Response r =
                    as(Api.tokenFor(role), "api/inventory/locations/" + id).get()) {
                assertEquals(200, r.getStatus(), role);
            }
        }
        for (String token : new String[] {Api.tokenFor("manager"), Api.tokenFor("admin"), Api.adminToken()}) {
            String code = warehouse();
            long own;
            try (Response r = as(token, "api/inventory/locations").post(json(location(code, "Own", id)))) {
                assertEquals(201, r.getStatus());
                own = id(body(r));
            }
            try (Response r = as(token, "api/inventory/locations/" + own).put(json(location(code, "Mine", id)))) {
                assertEquals(200, r.getStatus());
            }
            try (Response r = as(token, "api/inventory/locations/" + own).delete()) {
                assertEquals(204, r.getStatus());
            }
        }
        locations.assertStaffOnly(id, location(warehouse(), "Nope", null));
    }
}
