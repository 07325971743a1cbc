package io.factoryops.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final Set<String> SORTABLE = Set.of("name", "created_at");

    private static PageRequest parse(String... pairs) {
        var query = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return PageRequest.from(query, 10, SORTABLE, "name");
    }

    @Test
    void defaults() {
        PageRequest p = parse();
        assertEquals(1, p.page());
        assertEquals(10, p.perPage());
        assertEquals(List.of(new PageRequest.Sort("name", true)), p.sort());
        assertNull(p.q());
        assertEquals(0, p.offset());
    }

    @Test
    void parsesEverything() {
        PageRequest p = parse("page", "3", "per_page", "25", "sort", "-created_at,name", "q", "  bolt ");
        assertEquals(3, p.page());
        assertEquals(25, p.perPage());
        assertEquals(50, p.offset());
        assertEquals(List.of(new PageRequest.Sort("created_at", false), new PageRequest.Sort("name", true)), p.sort());
        assertEquals("bolt", p.q());
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        for (String[] bad : new String[][] {
            {"per_page", "0"},
            {"per_page", "101"},
            {"per_page", "-1"},
            {"per_page", "x"},
            {"page", "0"},
            {"page", "1.5"},
            {"sort", "password"},
            {"q", "q".repeat(201)}
        }) {
            ApiException e = assertThrows(ApiException.class, () -> parse(bad[0], bad[1]));
            assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
            assertEquals(bad[0], e.errors().get(0).field());
        }
    }

    @Test
    void paginationArithmetic() {
        Pagination p = Pagination.of(parse("page", "2", "per_page", "20"), 41);
        assertEquals(3, p.pages());
        assertTrue(p.hasNext());
        assertTrue(p.hasPrev());
        Pagination empty = Pagination.of(parse(), 0);
        assertEquals(0, empty.pages());
        assertFalse(empty.hasNext());
        assertFalse(empty.hasPrev());
        Pagination past = Pagination.of(parse("page", "9"), 5);
        assertFalse(past.hasNext());
        assertTrue(past.hasPrev());
    }

    @Test
    void offsetPagingStopsTenThousandRowsDeep() {
        assertEquals(100, parse("page", "100", "per_page", "100").page());
        ApiException e = assertThrows(ApiException.class, () -> parse("page", "101", "per_page", "100"));
        assertEquals("page", e.errors().get(0).field());
        assertThrows(ApiException.class, () -> parse("page", "21474836"));
    }

    private static PageRequest seek(String... pairs) {
        var query = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return PageRequest.from(query, 10, SORTABLE, "-created_at", SORTABLE);
    }

    @Test
    void aCursorCarriesItsSortAndNothingElseIsACursor() {
        String cursor = new Cursor("name,-created_at", List.of("Bolt", "2026-01-01T00:00:00Z", "7")).encode();
        PageRequest p = seek("after", cursor);
        assertTrue(p.continuesAfterCursor());
        assertTrue(p.seeks());
        assertEquals("name,-created_at", p.sortSpec());
        assertEquals(List.of("Bolt", "2026-01-01T00:00:00Z", "7"), p.after().keys());
        assertEquals(
                "name,-created_at",
                seek("after", cursor, "sort", "name,-created_at").sortSpec());
        for (String[] bad : new String[][] {
            {"after", "garbage!"},
            {"after", "e30"},
            {"after", "x".repeat(2000)},
            {"after", cursor, "sort", "name"},
            {"after", cursor, "page", "2"}
        }) {
            ApiException e = assertThrows(ApiException.class, () -> seek(bad));
            assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
        }
        ApiException offsetOnly = assertThrows(ApiException.class, () -> parse("after", cursor));
        assertEquals("after", offsetOnly.errors().get(0).field());
        assertEquals(
                "page",
                assertThrows(ApiException.class, () -> seek("page", "10001", "per_page", "1"))
                        .errors()
                        .get(0)
                        .field());
    }
}
