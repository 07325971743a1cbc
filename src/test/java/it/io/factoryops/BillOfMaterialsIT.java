package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.ledgerSum;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.Fixtures.partLedgerSum;
import static it.io.factoryops.support.Fixtures.stockOf;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bills of materials and the production that consumes them through the one stock ledger. */
class BillOfMaterialsIT {

    private final String manager = Api.tokenFor("manager");
    private final String user = Api.tokenFor("user");

    @Test
    void aBillIsReplacedWholeAndChecked() {
        long product = Fixtures.product("10.00", 0);
        long a = Fixtures.part(0);
        long b = Fixtures.part(0); // lines come in part order: a, then b
        try (Response r = as(user, "api/products/" + product + "/bom").get()) {
            assertEquals(200, r.getStatus());
            assertEquals(0, body(r).getJsonArray("lines").size());
        }
        try (Response r = as(manager, "api/products/" + product + "/bom").put(json(bom(a, 2, b, 3)))) {
            assertEquals(200, r.getStatus());
            List<JsonObject> lines = body(r).getJsonArray("lines").getValuesAs(JsonObject.class);
            assertEquals(2, lines.size());
            assertEquals(a, lines.get(0).getJsonNumber("part_id").longValue());
            assertEquals(2, lines.get(0).getInt("quantity"));
            assertEquals("pcs", lines.get(1).getString("unit"));
        }
        try (Response r =
                as(Api.tokenFor("mechanic"), "api/products/" + product + "/bom").get()) {
            assertEquals(2, body(r).getJsonArray("lines").size());
        }
        try (Response r = as(manager, "api/products/" + product + "/bom").put(json(bom(a, 1, a, 2)))) {
            assertEquals(
                    "lines[1].part_id",
                    assertProblem(r, 400, "VALIDATION_FAILED")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
        try (Response r = as(manager, "api/products/" + product + "/bom").put(json(bom(a, 1, 999_999_999L, 2)))) {
            assertEquals(
                    "lines[1].part_id",
                    assertProblem(r, 404, "NOT_FOUND")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
        for (JsonObject bad : new JsonObject[] {
            bom(a, 0, b, 1),
            bom(a, -1, b, 1),
            bom(a, 1_000_001, b, 1),
            object("lines", null),
            object(
                    "lines",
                    java.util.stream.Stream.concat(
                                    java.util.Collections.nCopies(100, object("part_id", 1, "quantity", 1)).stream(),
                                    java.util.stream.Stream.of(object("part_id", 2, "quantity", 1)))
                            .toList())
        }) {
            assertRefused(as(manager, "api/products/" + product + "/bom").put(json(bad)), 400, "VALIDATION_FAILED");
        }
        assertRefused(as(manager, "api/products/999999999/bom").put(json(bom(a, 1, b, 1))), 404, "NOT_FOUND");
        // nothing of the refused bills was written
        try (Response r = as(user, "api/products/" + product + "/bom").get()) {
            assertEquals(2, body(r).getJsonArray("lines").size());
        }
        // a part in a bill cannot be deleted, nor the product
        assertRefused(as(manager, "api/inventory/items/" + a).delete(), 409, "STILL_REFERENCED");
        for (String role : new String[] {"user", "mechanic", "customer"}) {
            assertRefused(
                    as(Api.tokenFor(role), "api/products/" + product + "/bom").put(json(bom(a, 1, b, 1))),
                    403,
                    "FORBIDDEN");
        }
        assertRefused(
                as(Api.tokenFor("customer"), "api/products/" + product + "/bom").get(), 403, "FORBIDDEN");
        try (Response r = anonymous("api/products/" + product + "/bom").get()) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = as(manager, "api/products/" + product + "/bom").put(json(object("lines", array())))) {
            assertEquals(0, body(r).getJsonArray("lines").size());
        }
    }

    @Test
    void productionConsumesThePartsOrFailsWholeNamingEachShortPart() {
        long product = Fixtures.product("10.00", 0);
        long a = Fixtures.part(10);
        long b = Fixtures.part(4);
        long employee = Fixtures.employee();
        setBom(product, a, 2, b, 1);
        // 6 units need 12 of a (10 there) and 6 of b (4 there): both named, nothing moved
        try (Response r = as(manager, "api/production").post(json(production(employee, product, 6)))) {
            JsonObject problem = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            Set<Long> shortParts = problem.getJsonArray("shortages").getValuesAs(JsonObject.class).stream()
                    .map(s -> s.getJsonNumber("item_id").longValue())
                    .collect(Collectors.toSet());
            assertEquals(Set.of(a, b), shortParts);
        }
        assertEquals(0, stockOf(product));
        assertEquals(10, Fixtures.partQuantity(a));
        assertEquals(4, Fixtures.partQuantity(b));
        long record;
        try (Response r = as(manager, "api/production").post(json(production(employee, product, 3)))) {
            assertEquals(201, r.getStatus());
            record = body(r).getJsonNumber("id").longValue();
        }
        assertEquals(3, stockOf(product));
        assertEquals(4, Fixtures.partQuantity(a));
        assertEquals(1, Fixtures.partQuantity(b));
        // correcting the quantity moves the parts by the difference
        String admin = Api.tokenFor("admin");
        try (Response r = as(admin, "api/production/" + record).put(json(production(employee, product, 2)))) {
            assertEquals(200, r.getStatus());
        }
        assertEquals(2, stockOf(product));
        assertEquals(6, Fixtures.partQuantity(a));
        assertEquals(2, Fixtures.partQuantity(b));
        // a change of the bill afterwards does not change what the record consumed: deleting gives that back
        setBom(product, a, 5, b, 5);
        try (Response r = as(admin, "api/production/" + record).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertEquals(0, stockOf(product));
        assertEquals(10, Fixtures.partQuantity(a));
        assertEquals(4, Fixtures.partQuantity(b));
        assertEquals(10, partLedgerSum(a));
        assertEquals(4, partLedgerSum(b));
        assertEquals(0, ledgerSum(product));
    }

    @Test
    void productionOrdersAndReceiptsInParallelNeverGoNegativeNorDeadlock() throws Exception {
        long product = Fixtures.product("10.00", 5);
        long a = Fixtures.part(20);
        long b = Fixtures.part(20);
        long customer = Fixtures.customer();
        long employee = Fixtures.employee();
        setBom(product, a, 2, b, 1);
        long line = approvedPurchaseOrderLine(a, 15);
        JsonObject produce = production(employee, product, 1);
        JsonObject order = orderBody(customer, product, 1);
        JsonObject receipt = object("lines", array(object("line_id", line, "quantity", 1)));
        List<String> outcomes = Concurrently.run(60, i -> switch (i % 4) {
            case 0 -> post(manager, "api/production", produce, "produce");
            case 1 -> post(user, "api/orders", order, "order");
            case 2 -> post(manager, "api/purchase-orders/" + poOf(line) + "/receive", receipt, "receive a");
            default -> post(manager, "api/inventory/items/" + b + "/remove-stock", object("quantity", 1), "take b");
        });
        assertEquals(
                15, outcomes.stream().filter(o -> o.equals("receive a 200")).count(), outcomes.toString());
        assertTrue(
                outcomes.stream().allMatch(o -> o.endsWith(" 200") || o.endsWith(" 201") || o.endsWith(" 409")),
                outcomes.toString());
        int produced =
                (int) outcomes.stream().filter(o -> o.equals("produce 201")).count();
        int sold = (int) outcomes.stream().filter(o -> o.equals("order 201")).count();
        int takenB = (int) outcomes.stream().filter(o -> o.equals("take b 201")).count();
        assertEquals(5 + produced - sold, stockOf(product));
        assertEquals(20 + 15 - 2 * produced, Fixtures.partQuantity(a));
        assertEquals(20 - produced - takenB, Fixtures.partQuantity(b));
        assertEquals(stockOf(product), ledgerSum(product));
        assertEquals(Fixtures.partQuantity(a), partLedgerSum(a));
        assertEquals(Fixtures.partQuantity(b), partLedgerSum(b));
    }

    private final java.util.Map<Long, Long> purchaseOrders = new java.util.concurrent.ConcurrentHashMap<>();

    /** An approved purchase order of {@code quantity} units of a part; returns its line's id. */
    private long approvedPurchaseOrderLine(long part, int quantity) {
        long po;
        try (Response r = as(manager, "api/purchase-orders")
                .post(json(object(
                        "supplier_id",
                        Fixtures.supplier(),
                        "lines",
                        array(object("item_id", part, "quantity", quantity)))))) {
            assertEquals(201, r.getStatus());
            po = body(r).getJsonNumber("id").longValue();
        }
        String submitted;
        try (Response r = as(manager, "api/purchase-orders/" + po + "/submit").post(null)) {
            assertEquals(200, r.getStatus());
            submitted = r.getHeaderString("ETag");
        }
        try (Response r = as(Api.tokenFor("admin"), "api/purchase-orders/" + po + "/approve")
                .header("If-Match", submitted)
                .post(null)) {
            assertEquals(200, r.getStatus());
            long line = body(r).getJsonArray("lines")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
            purchaseOrders.put(line, po);
            return line;
        }
    }

    private long poOf(long line) {
        return purchaseOrders.get(line);
    }

    private String post(String token, String path, JsonObject body, String what) {
        try (Response r = as(token, path).post(json(body))) {
            if (r.getStatus() == 409) {
                assertProblem(r, 409, "INSUFFICIENT_STOCK");
            }
            return what + " " + r.getStatus();
        }
    }

    private void setBom(long product, long a, int qa, long b, int qb) {
        try (Response r = as(manager, "api/products/" + product + "/bom").put(json(bom(a, qa, b, qb)))) {
            assertEquals(200, r.getStatus());
        }
    }

    private static JsonObject bom(long a, int qa, long b, int qb) {
        return object("lines", array(object("part_id", a, "quantity", qa), object("part_id", b, "quantity", qb)));
    }

    private static JsonObject production(long employee, long product, int quantity) {
        return object("employee_id", employee, "product_id", product, "quantity", quantity);
    }
}
