package io.factoryops.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factoryops.platform.db.TableWrites;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** When a remembered total is answered and when the list is counted again. */
class ListTotalsTest {

    private final AtomicLong clock = new AtomicLong();
    private final ListTotals totals = new ListTotals(Duration.ofSeconds(5), 3, clock::get);
    private final AtomicInteger counts = new AtomicInteger();
    private long rows = 100;

    /** A count that says how often it ran. */
    private final LongSupplier count = () -> {
        counts.incrementAndGet();
        return rows;
    };

    private static String table(String name) {
        return name + "_" + System.nanoTime(); // generations are per server: each test its own tables
    }

    @Test
    void aTotalIsRememberedUntilItExpires() {
        String tickets = table("TICKETS");
        assertEquals(100, totals.total("a", List.of(tickets), count));
        rows = 101; // written where this server cannot see it (another node of a cluster)
        clock.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertEquals(100, totals.total("a", List.of(tickets), count), "remembered");
        assertEquals(1, counts.get());
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(101, totals.total("a", List.of(tickets), count), "expired: counted again");
        assertEquals(2, counts.get());
    }

    @Test
    void aWriteToATableTheCountReadsIsSeenAtOnce() {
        String tickets = table("TICKETS");
        String mechanics = table("MECHANICS");
        String parts = table("PARTS");
        assertEquals(100, totals.total("a", List.of(tickets, mechanics), count));
        rows = 99;
        TableWrites.written(List.of(parts)); // outside a transaction: the generation moves at once
        assertEquals(100, totals.total("a", List.of(tickets, mechanics), count), "another table: still current");
        TableWrites.written(List.of(mechanics));
        assertEquals(99, totals.total("a", List.of(tickets, mechanics), count), "a joined table was written");
        assertEquals(2, counts.get());
    }

    @Test
    void aWriteThatEndsWhileTheCountRunsMakesItsAnswerStale() {
        String tickets = table("TICKETS");
        LongSupplier racing = () -> {
            counts.incrementAndGet();
            long seen = rows;
            TableWrites.written(List.of(tickets)); // commits after the count read its rows
            rows = 101;
            return seen;
        };
        assertEquals(100, totals.total("a", List.of(tickets), racing));
        assertEquals(101, totals.total("a", List.of(tickets), count), "not trusted: counted again");
        assertEquals(101, totals.total("a", List.of(tickets), count), "now remembered");
        assertEquals(2, counts.get());
    }

    @Test
    void aCountThatNamesNoKnownTableIsNeverRemembered() {
        assertEquals(100, totals.total("a", List.of(), count));
        assertEquals(100, totals.total("a", List.of(), count));
        assertEquals(100, totals.total(null, List.of(table("T")), count));
        assertEquals(3, counts.get());
    }

    @Test
    void eachFilterIsRememberedApartAndTheirNumberIsBounded() {
        String tickets = table("TICKETS");
        for (String key : List.of("a", "b", "c")) {
            totals.total(key, List.of(tickets), count);
        }
        rows = 7;
        assertEquals(100, totals.total("c", List.of(tickets), count), "three fit");
        assertEquals(7, totals.total("d", List.of(tickets), count), "a fourth filter is counted");
        assertEquals(7, totals.total("a", List.of(tickets), count), "and the full map was emptied");
        assertEquals(5, counts.get());
    }
}
