package io.factoryops.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.books.H2Books;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The idempotency check's SQL: a stored success whose Location names a created document that does not exist is
 * named (by the key's row id); answers without a Location, failures, pending keys and collections nobody declares
 * are not checked.
 */
class IdempotencyEffectsCheckTest {

    private static final String AT = "'2026-01-01 00:00:00'";

    private static String key(long id, Integer status, String location) {
        return "INSERT INTO idempotency_keys (id, principal, idem_key, request_hash, status, location, created_at, "
                + "expires_at) VALUES (" + id + ", 'user', 'k" + id + "', '" + "0".repeat(64) + "', " + status + ", "
                + (location == null ? "NULL" : "'" + location + "'") + ", " + AT + ", " + AT + ")";
    }

    @Test
    void namesTheKeysWhoseCreatedDocumentIsMissing() throws Exception {
        try (H2Books db = new H2Books()) {
            IdempotencyEffectsCheck check = new IdempotencyEffectsCheck();
            check.sql = db.reads();
            List<CreatedDocuments> documents = List.of(() -> Map.of("orders", "orders"));
            db.execute(
                    "INSERT INTO customers (id, name, email, created_at, updated_at, version) VALUES (1, 'C', "
                            + "'c@example.com', " + AT + ", " + AT + ", 0)",
                    "INSERT INTO orders (id, customer_id, status, order_date, subtotal, tax_rate, tax, total, units, "
                            + "created_by_id, created_by, created_at, updated_at, version) VALUES (5, 1, 'PLACED', "
                            + AT + ", 0, 0, 0, 0, 0, 1, 'user', " + AT + ", " + AT + ", 0)",
                    key(1, 201, "http://localhost:9080/api/orders/5"), // exists
                    key(2, 201, "http://localhost:9080/api/orders/6"), // missing
                    key(3, 200, null), // a transition: no Location
                    key(4, 409, "http://localhost:9080/api/orders/7"), // a conflict: no effect
                    key(5, null, null), // pending
                    key(6, 201, "http://localhost:9080/api/production/8"), // deletable: not declared
                    key(7, 201, "https://plant.example/api/orders/9")); // missing

            BooksCheckResult result = check.run(100, documents);
            assertEquals(3, result.checked(), result.toString());
            assertEquals(List.of(2L, 7L), result.failedIds());
            assertEquals(2, result.failed());
            assertEquals(List.of(2L), check.run(1, documents).failedIds());
        }
    }
}
