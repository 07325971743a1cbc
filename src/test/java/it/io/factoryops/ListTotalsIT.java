package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A list's {@code total} is remembered for a few seconds (counting a big table is the dearest part of a
 * page), and every write made through this server shows in it at once: inserts, deletes, a status that a
 * bulk update changes, and writes that race the reads. Lists of parts whose SKUs only this test uses.
 */
class ListTotalsIT {

    private final String manager = Api.tokenFor("manager");
    private final String prefix = "TOT-" + Api.RUN + "-" + System.nanoTime() % 100_000;
    private final AtomicInteger seq = new AtomicInteger();

    private JsonObject pagination(Object... query) {
        Object[] withQ = new Object[query.length + 4];
        withQ[0] = "q";
        withQ[1] = prefix + "-"; // not a prefix of another test's
        withQ[2] = "per_page";
        withQ[3] = 2;
        System.arraycopy(query, 0, withQ, 4, query.length);
        try (Response r = as(manager, "api/inventory/items", withQ).get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonObject("pagination");
        }
    }

    private long total(Object... query) {
        return pagination(query).getJsonNumber("total").longValue();
    }

    private long part() {
        try (Response r = as(manager, "api/inventory/items")
                .post(json(object(
                        "sku",
                        prefix + "-" + seq.incrementAndGet(),
                        "name",
                        "Counted part",
                        "unit_cost",
                        new BigDecimal("1.50"),
                        "reorder_level",
                        5)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    @Test
    void insertsDeletesAndABulkStatusUpdateShowAtOnce() {
        assertEquals(0, total());
        assertEquals(0, total(), "remembered, still right");
        long first = part();
        long second = part();
        long third = part();
        assertEquals(3, total(), "three inserts");
        JsonObject page = pagination();
        assertEquals(2, page.getInt("pages"));
        assertTrue(page.getBoolean("has_next"));
        assertEquals(3, total("status", "out_of_stock"));

        // the part's stock status follows its stock item through a bulk UPDATE, not an entity write
        try (Response r =
                as(manager, "api/inventory/items/" + second + "/add-stock").post(json(object("quantity", 10)))) {
            assertEquals(201, r.getStatus());
        }
        assertEquals(2, total("status", "out_of_stock"));
        assertEquals(1, total("status", "in_stock"));

        try (Response r = as(manager, "api/inventory/items/" + third).delete()) {
            assertEquals(204, r.getStatus());
        }
        assertEquals(2, total(), "a delete");
        assertEquals(1, total("status", "out_of_stock"));
        JsonObject last = pagination();
        assertEquals(1, last.getInt("pages"));
        assertFalse(last.getBoolean("has_next"));
        assertTrue(first > 0);
    }

    @Test
    void aReadAfterAnAnsweredWriteCountsItWhileOthersWriteAndRead() throws Exception {
        int writers = 4;
        int each = 6;
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        part();
                        int known = created.incrementAndGet();
                        long seen = total();
                        assertTrue(seen >= known, "a total read after " + known + " answered creates said " + seen);
                    }
                    return null;
                }));
            }
            for (int readers = 0; readers < 2; readers++) {
                work.add(pool.submit(() -> {
                    long previous = 0;
                    while (created.get() < writers * each) {
                        int known = created.get();
                        long seen = total();
                        assertTrue(
                                seen >= known && seen >= previous,
                                "read " + seen + " after " + known + " answered creates and a read of " + previous);
                        previous = seen;
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * each, total());
    }
}
