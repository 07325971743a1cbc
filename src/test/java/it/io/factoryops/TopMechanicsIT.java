package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefusedNaming;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/mechanics/top} over HTTP: what a ticket worked, hours and parts fitted are, the period, the
 * order of ties, roles and bad parameters. (That the ranking equals the tickets counted straight from the
 * database after incremental and full refreshes: the in-container TopMechanicsRefreshIT.)
 * <p>
 * The database outlives a run (H2 file, MariaDB schema), so other runs' mechanics may be ranked today too: a
 * mechanic of this test is either in the top 100 with exactly its figures, or the 100th row outranks it.
 */
class TopMechanicsIT {

    private static final Comparator<Ranked> RANK = Comparator.comparingLong(Ranked::tickets)
            .thenComparing(Ranked::hours)
            .thenComparingLong(Ranked::parts)
            .thenComparingLong(Ranked::id);

    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.adminToken();

    /** A ranked row: mechanic id, tickets worked, labour hours, parts fitted. */
    private record Ranked(long id, long tickets, BigDecimal hours, long parts) {
        static Ranked of(JsonObject row) {
            return new Ranked(
                    row.getJsonNumber("mechanic_id").longValue(),
                    row.getJsonNumber("tickets_worked").longValue(),
                    row.getJsonNumber("labour_hours").bigDecimalValue().setScale(2),
                    row.getJsonNumber("parts_fitted").longValue());
        }
    }

    @Test
    void ticketsWorkedHoursAndPartsAfterARefreshInOrderWithTies() {
        long customer = Fixtures.customer();
        long part = Fixtures.part(20);
        JsonObject ana = Fixtures.mechanic();
        JsonObject ben = Fixtures.mechanic();
        JsonObject cy = Fixtures.mechanic();
        JsonObject dee = Fixtures.mechanic();
        JsonObject eve = Fixtures.mechanic();
        String anaToken = Fixtures.mechanicToken(ana);
        String benToken = Fixtures.mechanicToken(ben);

        // 1: Ana 2 h and 3 units, Ben 1 h; completed
        long one = ticket(customer, ana, ben);
        post(manager, one, "labour", object("mechanic_id", id(ana), "hours", 2));
        post(manager, one, "labour", object("mechanic_id", id(ben), "hours", 1));
        post(anaToken, one, "parts", object("item_id", part, "quantity", 3));
        finish(one);
        // 2: Ana 1 h, Ben 2 h and 2 units kept, 4 units given back; a manager's unit counts for nobody
        long two = ticket(customer, ana, ben);
        post(manager, two, "labour", object("mechanic_id", id(ana), "hours", 1));
        post(benToken, two, "labour", object("hours", 2));
        post(benToken, two, "parts", object("item_id", part, "quantity", 2));
        JsonObject back = post(benToken, two, "parts", object("item_id", part, "quantity", 4));
        long line =
                back.getJsonArray("parts").getJsonObject(1).getJsonNumber("id").longValue();
        try (Response r =
                as(benToken, "api/service-tickets/" + two + "/parts/" + line).delete()) {
            assertEquals(200, r.getStatus());
        }
        post(manager, two, "parts", object("item_id", part, "quantity", 1));
        finish(two);
        // cancelled, and left in progress: nobody's
        long cancelled = ticket(customer, ana, cy);
        post(manager, cancelled, "labour", object("mechanic_id", id(cy), "hours", 5));
        post(manager, cancelled, "cancel", null);
        long open = ticket(customer, ana, cy);
        post(manager, open, "start", null);
        // Cy: one ticket, no hours; Dee and Eve: one ticket each with the same hours, a tie
        finish(ticket(customer, cy));
        long d = ticket(customer, dee);
        post(manager, d, "labour", object("mechanic_id", id(dee), "hours", 0.5));
        finish(d);
        long e = ticket(customer, eve);
        post(manager, e, "labour", object("mechanic_id", id(eve), "hours", 0.5));
        finish(e);

        // (the test server's timer refreshes every 5 s too, so "not before a refresh" cannot be seen here)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        refresh();
        JsonObject page = top("limit", 100, "date_from", today.toString(), "date_to", today.toString());
        assertNotNull(page.getString("as_of"));
        assertEquals(today.toString(), page.getString("date_from"));
        List<Ranked> ranked = page.getJsonArray("mechanics").getValuesAs(JsonObject.class).stream()
                .map(Ranked::of)
                .toList();
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(RANK.compare(ranked.get(i - 1), ranked.get(i)) > 0, "ranked, ties by the higher id: " + ranked);
        }
        Ranked anaRow = new Ranked(id(ana), 2, new BigDecimal("3.00"), 3);
        Ranked benRow = new Ranked(id(ben), 2, new BigDecimal("3.00"), 2);
        Ranked eveRow = new Ranked(id(eve), 1, new BigDecimal("0.50"), 0);
        Ranked deeRow = new Ranked(id(dee), 1, new BigDecimal("0.50"), 0);
        Ranked cyRow = new Ranked(id(cy), 1, new BigDecimal("0.00"), 0);
        for (Ranked expected : List.of(anaRow, benRow, eveRow, deeRow, cyRow)) {
            assertRanked(ranked, expected);
        }
        assertTrue(
                RANK.compare(anaRow, benRow) > 0
                        && RANK.compare(benRow, eveRow) > 0
                        && RANK.compare(eveRow, deeRow) > 0
                        && RANK.compare(deeRow, cyRow) > 0,
                "Ana, Ben, Eve, Dee, Cy");
        JsonObject named = page.getJsonArray("mechanics").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getJsonNumber("mechanic_id").longValue() == id(ana))
                .findFirst()
                .orElse(null);
        if (named != null) {
            assertEquals(ana.getString("name"), named.getString("mechanic_name"));
        }

        // the default period is this month; other periods hold none of today's work
        JsonObject month = top("limit", 100);
        assertEquals(today.withDayOfMonth(1).toString(), month.getString("date_from"));
        assertEquals(today.withDayOfMonth(today.lengthOfMonth()).toString(), month.getString("date_to"));
        List<Ranked> thisMonth = month.getJsonArray("mechanics").getValuesAs(JsonObject.class).stream()
                .map(Ranked::of)
                .toList();
        assertRanked(thisMonth, anaRow);
        for (String[] period : new String[][] {
            {today.minusDays(1).toString(), today.minusDays(1).toString()},
            {today.plusDays(1).toString(), today.plusDays(40).toString()}
        }) {
            List<Ranked> other = ranking("limit", "100", "date_from", period[0], "date_to", period[1]);
            for (JsonObject m : List.of(ana, ben, cy, dee, eve)) {
                assertTrue(other.stream().noneMatch(r -> r.id() == id(m)), "today's work outside its period");
            }
        }
        assertTrue(top("limit", 1).getJsonArray("mechanics").size() <= 1);
        // one date alone: the rest of its month
        JsonObject from = top("date_from", today.withDayOfMonth(1).toString());
        assertEquals(today.withDayOfMonth(today.lengthOfMonth()).toString(), from.getString("date_to"));
        JsonObject to = top("date_to", today.toString());
        assertEquals(today.withDayOfMonth(1).toString(), to.getString("date_from"));
    }

    @Test
    void rolesAndBadParameters() {
        String path = "api/mechanics/top";
        JsonObject mechanic = Fixtures.mechanic();
        for (String token : new String[] {Api.tokenFor("customer"), Api.tokenFor("user")}) {
            assertRefused(as(token, path).get(), 403, "FORBIDDEN");
        }
        for (String token : new String[] {Api.tokenFor("mechanic"), Fixtures.mechanicToken(mechanic)}) {
            try (Response r = as(token, path).get()) {
                assertEquals(200, r.getStatus(), "mechanics see the ranking (DESIGN)");
            }
        }
        try (Response r = anonymous(path).get()) {
            assertEquals(401, r.getStatus());
        }
        for (String token : new String[] {manager, admin}) {
            try (Response r = as(token, path).get()) {
                assertEquals(200, r.getStatus());
            }
        }
        assertQueriesRefusedNaming(
                manager,
                path,
                "limit",
                "0",
                "limit",
                "101",
                "limit",
                "ten",
                "date_from",
                "yesterday",
                "date_from",
                "2026-02-30",
                "date_to",
                "2026-13-01",
                "date_to",
                "31.12.2026");
        try (Response r = as(manager, path, "date_from", "2026-03-02", "date_to", "2026-03-01")
                .get()) {
            assertEquals("date_from", field(assertProblem(r, 400, "INVALID_PARAMETER")));
        }
        try (Response r = as(manager, path, "date_from", "2025-01-01", "date_to", "2026-01-02")
                .get()) {
            assertEquals("date_to", field(assertProblem(r, 400, "INVALID_PARAMETER")));
        }
        try (Response r = as(manager, path, "date_from", "2024-01-01", "date_to", "2024-12-31")
                .get()) {
            assertEquals(200, r.getStatus(), "a whole leap year");
        }
        // /api/mechanics/{id} is not confused with it
        try (Response r = as(manager, "api/mechanics/" + id(mechanic)).get()) {
            assertEquals(200, r.getStatus());
        }
    }

    /** Present with exactly these figures, or outranked by the whole top 100. */
    private static void assertRanked(List<Ranked> ranked, Ranked expected) {
        Ranked found =
                ranked.stream().filter(r -> r.id() == expected.id()).findFirst().orElse(null);
        if (found != null) {
            assertEquals(expected, found);
        } else {
            assertEquals(100, ranked.size(), () -> expected + " missing from " + ranked);
            assertTrue(RANK.compare(ranked.get(99), expected) > 0, () -> expected + " missing from " + ranked);
        }
    }

    private long ticket(long customer, JsonObject... mechanics) {
        long id;
        try (Response r = as(manager, "api/service-tickets")
                .post(json(object("customer_id", customer, "description", "Ranked work")))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
        }
        List<Long> ids = java.util.Arrays.stream(mechanics).map(m -> id(m)).toList();
        try (Response r =
                as(manager, "api/service-tickets/" + id + "/edit").put(json(object("add_mechanic_ids", ids)))) {
            assertEquals(200, r.getStatus());
        }
        return id;
    }

    private void finish(long ticket) {
        post(manager, ticket, "start", null);
        post(manager, ticket, "complete", null);
    }

    private static JsonObject post(String token, long ticket, String what, JsonObject body) {
        try (Response r =
                as(token, "api/service-tickets/" + ticket + "/" + what).post(body == null ? null : json(body))) {
            assertEquals(200, r.getStatus(), what);
            return body(r);
        }
    }

    private void refresh() {
        try (Response r = as(admin, "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
        }
    }

    private JsonObject top(Object... query) {
        try (Response r = as(manager, "api/mechanics/top", query).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    private List<Ranked> ranking(Object... query) {
        return top(query).getJsonArray("mechanics").getValuesAs(JsonObject.class).stream()
                .map(Ranked::of)
                .toList();
    }

    private static String field(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0).getString("field");
    }
}
