package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.ledgerSum;
import static it.io.factoryops.support.Fixtures.stockOf;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Production records add stock; corrections and deletions move it back through the ledger. */
class ProductionIT {

    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.tokenFor("admin");

    private static JsonObject record(long employee, long product, int quantity, String date) {
        return sparse("employee_id", employee, "product_id", product, "quantity", quantity, "production_date", date);
    }

    private long create(long employee, long product, int quantity) {
        try (Response r = as(manager, "api/production").post(json(record(employee, product, quantity, "2024-06-01")))) {
            assertEquals(201, r.getStatus());
            JsonObject p = body(r);
            assertEquals(quantity, p.getInt("quantity"));
            assertEquals("2024-06-01", p.getString("production_date"));
            assertTrue(p.getString("employee_name").startsWith("Maker"));
            return p.getJsonNumber("id").longValue();
        }
    }

    @Test
    void recordingCorrectingAndDeletingMoveTheStock() {
        long employee = Fixtures.employee();
        long product = Fixtures.product("1.00", 5);
        long other = Fixtures.product("1.00", 0);
        long id = create(employee, product, 10);
        assertEquals(15, stockOf(product));
        try (Response r = as(admin, "api/production/" + id).put(json(record(employee, product, 4, "2024-06-02")))) {
            assertEquals(200, r.getStatus());
        }
        assertEquals(9, stockOf(product));
        try (Response r = as(admin, "api/production/" + id).put(json(record(employee, other, 4, "2024-06-02")))) {
            assertEquals(200, r.getStatus());
        }
        assertEquals(5, stockOf(product));
        assertEquals(4, stockOf(other));
        try (Response r = as(admin, "api/production/" + id).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertEquals(0, stockOf(other));
        assertEquals(5, ledgerSum(product));
        assertEquals(0, ledgerSum(other));
        assertRefused(as(manager, "api/production/" + id).get(), 404, "NOT_FOUND");
    }

    @Test
    void deletingProductionThatWasSoldIsRefused() {
        long employee = Fixtures.employee();
        long product = Fixtures.product("1.00", 0);
        long id = create(employee, product, 3);
        try (Response r = as(Api.tokenFor("user"), "api/orders")
                .post(json(Fixtures.orderBody(Fixtures.customer(), product, 2)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(admin, "api/production/" + id).delete()) {
            JsonObject p = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            assertEquals(1, p.getInt("available"));
        }
        assertEquals(1, stockOf(product));
        try (Response r = as(manager, "api/production/" + id).get()) {
            assertEquals(200, r.getStatus(), "the record is kept");
        }
    }

    @Test
    void badInputIsRejected() {
        long employee = Fixtures.employee();
        long product = Fixtures.product("1.00", 0);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        for (JsonObject body : new JsonObject[] {
            record(employee, product, 0, null),
            record(employee, product, -2, null),
            record(employee, product, 5, tomorrow),
            object("employee_id", employee, "quantity", 1)
        }) {
            assertRefused(as(manager, "api/production").post(json(body)), 400, "VALIDATION_FAILED");
        }
        assertRefused(
                as(manager, "api/production").post(json(record(employee, product, 1, "01/02/2024"))),
                400,
                "MALFORMED_JSON");
        try (Response r = as(manager, "api/production").post(json(record(999999999L, product, 1, null)))) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("Employee 999999999"));
        }
        try (Response r = as(manager, "api/production").post(json(record(employee, 999999999L, 1, null)))) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("Product 999999999"));
        }
        assertEquals(0, stockOf(product));
        // an employee with production cannot be deleted
        create(employee, product, 1);
        assertRefused(as(admin, "api/employees/" + employee).delete(), 409, "STILL_REFERENCED");
    }

    @Test
    void rolesFiltersAndIdempotency() {
        long employee = Fixtures.employee();
        long product = Fixtures.product("1.00", 0);
        String key = "prod-" + Api.RUN + "-" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            try (Response r = as(manager, "api/production")
                    .header("Idempotency-Key", key)
                    .post(json(record(employee, product, 7, null)))) {
                assertEquals(201, r.getStatus());
            }
        }
        assertEquals(7, stockOf(product));
        long id = create(employee, product, 2);
        for (String role : new String[] {"user", "mechanic", "customer"}) {
            assertRefused(as(Api.tokenFor(role), "api/production").get(), 403, "FORBIDDEN");
            assertRefused(
                    as(Api.tokenFor(role), "api/production").post(json(record(employee, product, 1, null))),
                    403,
                    "FORBIDDEN");
        }
        assertRefused(
                as(manager, "api/production/" + id).put(json(record(employee, product, 1, null))), 403, "FORBIDDEN");
        assertRefused(as(manager, "api/production/" + id).delete(), 403, "FORBIDDEN");
        assertRefused(anonymous("api/production").get(), 401, "UNAUTHORIZED");
        try (Response r = as(
                        manager,
                        "api/production",
                        "product_id",
                        product,
                        "date_from",
                        "2024-06-01",
                        "date_to",
                        "2024-06-01")
                .get()) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(manager, "api/production", "employee_id", employee).get()) {
            assertEquals(2, body(r).getJsonObject("pagination").getInt("total"));
        }
    }
}
