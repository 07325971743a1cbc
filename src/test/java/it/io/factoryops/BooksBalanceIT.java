package it.io.factoryops;

import static it.io.factoryops.support.Access.assertForbidden;
import static it.io.factoryops.support.Access.assertUnauthorized;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Access.Call;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/books-balance}: on a database the application wrote, every check balances and the schema version
 * is the readiness check's; admins only; a bad {@code limit} is 400. (An unbalanced database is the restore drill's
 * {@code RestoreDrillIT}, -Pcluster, and the checks' unit tests on H2.)
 */
class BooksBalanceIT {

    private static final String PATH = "api/books-balance";

    private static JsonObject check(String... query) {
        try (Response r = as(Api.adminToken(), PATH, (Object[]) query).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    @Test
    void theBooksOfWhatTheApplicationWroteBalance() {
        // something in each book: an order (lines, ledger rows) placed with an Idempotency-Key
        long product = Fixtures.product("4.10", 50);
        try (Response r = as(Api.tokenFor("user"), "api/orders")
                .header("Idempotency-Key", "books-" + Api.RUN)
                .post(json(Fixtures.orderBody(Fixtures.customer(), product, 3)))) {
            assertEquals(201, r.getStatus());
        }

        JsonObject books = check();
        assertTrue(books.getBoolean("balanced"), books.toString());
        assertEquals(0, books.getInt("pending_migrations"));
        try (Response r = Api.anonymous("health/ready").get()) {
            String ready = body(r).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("database"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("data")
                    .getString("schema_version");
            assertEquals(ready, books.getString("schema_version"));
        }
        Map<String, JsonObject> checks = books.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals(
                List.of("idempotency_effects", "orders_whole", "stock_ledger"),
                checks.keySet().stream().sorted().toList());
        checks.values().forEach(c -> {
            assertEquals(0, c.getInt("failed"), c.toString());
            assertTrue(c.getJsonArray("failed_ids").isEmpty(), c.toString());
            assertTrue(c.getJsonNumber("checked").longValue() >= 1, "something was checked: " + c);
            assertTrue(!c.getString("description").isBlank());
        });
        assertTrue(books.getJsonNumber("duration_ms").longValue() >= 0);
        assertTrue(books.getString("checked_at").endsWith("Z"));
    }

    @Test
    void onlyAdminsCheckTheBooks() {
        assertForbidden(List.of("manager", "user", "mechanic", "customer"), Call.get(PATH));
        assertUnauthorized(Call.get(PATH));
        assertEquals(200, Api.status(Api.tokenFor("admin"), PATH));
    }

    @Test
    void aLimitOutsideItsRangeIsRefused() {
        for (String limit : new String[] {"0", "1001", "-1", "ten", "1e3"}) {
            try (Response r = as(Api.adminToken(), PATH, "limit", limit).get()) {
                assertProblem(r, 400, "INVALID_PARAMETER");
            }
        }
        assertTrue(check("limit", "1").getBoolean("balanced"));
        assertTrue(check("limit", "1000").getBoolean("balanced"));
    }
}
