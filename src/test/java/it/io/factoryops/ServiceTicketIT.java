package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.id;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefused;
import static it.io.factoryops.support.Concurrently.assertNeverOversold;
import static it.io.factoryops.support.Fixtures.assertPartStock;
import static it.io.factoryops.support.Fixtures.partLedgerSum;
import static it.io.factoryops.support.Fixtures.partQuantity;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.Mailbox;
import it.io.factoryops.support.SelfService;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Service tickets: their life with a manager and two mechanics, parts taken from and given back to stock
 * through the ledger under concurrency, assignments, and who may see and do what.
 */
class ServiceTicketIT {

    private static final String VIN = "1HGCM82633A004352";

    private final String manager = Api.tokenFor("manager");

    @Test
    void theWholeLifeWithACustomerAManagerAndTwoMechanics() {
        // the customer registers (confirming by mail) and opens the ticket themselves
        String email = Api.uniqueEmail("owner");
        long customer;
        String customerToken;
        try (Mailbox mailbox = Mailbox.open();
                SelfService self = SelfService.fromOwnAddress()) {
            customer = self.registerAndConfirm(mailbox, "Ticket Owner", email)
                    .getJsonNumber("id")
                    .longValue();
            customerToken = self.token(email, Api.PASSWORD);
        }
        JsonObject ana = Fixtures.mechanic();
        JsonObject ben = Fixtures.mechanic();
        long anaId = id(ana);
        long benId = id(ben);
        String anaToken = Fixtures.mechanicToken(ana);
        String benToken = Fixtures.mechanicToken(ben);
        long brakePads = Fixtures.part(10);
        long oil = Fixtures.part(5);

        JsonObject before = dashboardTickets();
        JsonObject ticket = create(
                customerToken,
                object(
                        "description",
                        "Brakes squeal",
                        "vin",
                        VIN.toLowerCase(),
                        "make",
                        "Honda",
                        "model",
                        "Accord",
                        "year",
                        2003,
                        "priority",
                        "high",
                        "service_date",
                        "2026-12-01"));
        assertEquals(customer, ticket.getJsonNumber("customer_id").longValue());
        long id = id(ticket);
        assertEquals("open", ticket.getString("status"));
        assertEquals(VIN, ticket.getString("vin"));
        assertEquals("high", ticket.getString("priority"));
        assertEquals(List.of("start", "cancel"), transitions(ticket));
        assertEquals(new BigDecimal("60.00"), decimal(ticket, "labour_rate"));

        // not assigned yet: in every mechanic's queue, to read and take, not to work
        assertEquals(id, id(get(anaToken, id)));
        assertEquals(id, id(get(benToken, id)));
        send(anaToken, "POST", id, "start", null, 403);
        ticket = send(anaToken, "POST", id, "take", null, 200);
        assertEquals(1, ticket.getJsonArray("mechanics").size());
        assertEquals(
                anaId,
                ticket.getJsonArray("mechanics")
                        .getJsonObject(0)
                        .getJsonNumber("mechanic_id")
                        .longValue());
        // taken: gone from Ben's queue until the manager adds him
        assertRefused(as(benToken, "api/service-tickets/" + id).get(), 404, "NOT_FOUND");
        // the assignment is a row of /api/assignments; the manager adds Ben through it
        try (Response r = as(manager, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", benId)))) {
            assertEquals(201, r.getStatus());
            assertEquals(benId, body(r).getJsonNumber("mechanic_id").longValue());
        }
        try (Response r = as(manager, "api/assignments", "ticket_id", id).get()) {
            assertEquals(2, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(benToken, "api/service-tickets", "status", "open", "customer_id", customer)
                .get()) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonObject("pagination").getInt("total"));
            assertEquals(id, id(page.getJsonArray("data").getJsonObject(0)));
        }

        ticket = send(anaToken, "POST", id, "start", null, 200);
        assertEquals("in_progress", ticket.getString("status"));
        assertEquals(List.of("complete", "cancel"), transitions(ticket));
        String startedTag = "\"" + ticket.getJsonNumber("version") + "\"";
        ticket = send(anaToken, "POST", id, "parts", part(brakePads, 4), 200);
        // a part line changes the ticket's ETag
        try (Response r = as(manager, "api/service-tickets/" + id)
                .header("If-None-Match", startedTag)
                .get()) {
            assertEquals(200, r.getStatus());
            assertEquals("\"" + ticket.getJsonNumber("version") + "\"", r.getHeaderString("ETag"));
        }
        ticket = send(benToken, "POST", id, "parts", part(oil, 2), 200);
        assertEquals(6, partQuantity(brakePads));
        assertEquals(3, partQuantity(oil));
        // unit cost at the time stays on the line
        assertEquals(
                new BigDecimal("1.50"), decimal(ticket.getJsonArray("parts").getJsonObject(0), "unit_cost"));
        assertEquals(new BigDecimal("9.00"), decimal(ticket, "parts_total"));
        try (Response r = as(anaToken, "api/service-tickets/" + id + "/parts").post(json(part(oil, 4)))) {
            JsonObject problem = assertProblem(r, 409, "INSUFFICIENT_STOCK");
            assertTrue(problem.toString().contains("available"), problem.toString());
        }
        // Ben returns the oil: the line stays, returned, and leaves the totals
        long oilLine = ticket.getJsonArray("parts")
                .getJsonObject(1)
                .getJsonNumber("id")
                .longValue();
        ticket = send(benToken, "DELETE", id, "parts/" + oilLine, null, 200);
        assertEquals("returned", ticket.getJsonArray("parts").getJsonObject(1).getString("status"));
        assertEquals(5, partQuantity(oil));
        assertRefused(
                as(benToken, "api/service-tickets/" + id + "/parts/" + oilLine).delete(), 409, "CONFLICT");

        // labour: each mechanic their own; the manager for anyone on the ticket
        send(anaToken, "POST", id, "labour", object("hours", 1.5), 200);
        assertRefused(
                as(anaToken, "api/service-tickets/" + id + "/labour")
                        .post(json(object("mechanic_id", benId, "hours", 1))),
                403,
                "FORBIDDEN");
        ticket = send(manager, "POST", id, "labour", object("mechanic_id", benId, "hours", 0.5), 200);
        assertEquals(new BigDecimal("2.00"), decimal(ticket, "labour_hours"));
        assertEquals(new BigDecimal("120.00"), decimal(ticket, "labour_total")); // 2 h × 60.00
        assertEquals(new BigDecimal("126.00"), decimal(ticket, "subtotal")); // + 4 × 1.50
        assertEquals(new BigDecimal("11.34"), decimal(ticket, "tax")); // 9 %
        assertEquals(new BigDecimal("137.34"), decimal(ticket, "total"));

        assertTrue(dashboardTickets().getInt("open") >= before.getInt("open") + 1, "the dashboard counts it open");
        ticket = send(benToken, "POST", id, "complete", null, 200);
        assertEquals("completed", ticket.getString("status"));
        assertTrue(
                dashboardTickets().getInt("completed_today") >= before.getInt("completed_today") + 1,
                "the dashboard counts it completed today");
        assertEquals(List.of(), transitions(ticket));
        // completed: no more parts, labour, mechanics or transitions
        assertRefused(
                as(anaToken, "api/service-tickets/" + id + "/parts").post(json(part(brakePads, 1))),
                409,
                "INVALID_TRANSITION");
        try (Response r = as(manager, "api/service-tickets/" + id + "/cancel").post(null)) {
            assertEquals(
                    "completed", assertProblem(r, 409, "INVALID_TRANSITION").getString("current_status"));
        }
        assertRefused(
                as(manager, "api/service-tickets/" + id + "/edit")
                        .put(json(object("remove_mechanic_ids", array(anaId)))),
                409,
                "INVALID_TRANSITION");
        assertPartStock(brakePads, 6);
        assertEquals(5, partLedgerSum(oil));
        // the ledger rows name the ticket
        try (Response r = as(manager, "api/inventory/items/" + brakePads + "/stock-movements")
                .get()) {
            JsonObject newest = body(r).getJsonArray("data").getJsonObject(0);
            assertEquals("SERVICE_TICKET", newest.getString("reason"));
            assertEquals("SERVICE_TICKET", newest.getString("reference_type"));
        }
        // filters
        try (Response r = as(
                        manager,
                        "api/service-tickets",
                        "mechanic_id",
                        benId,
                        "status",
                        "completed",
                        "customer_id",
                        customer,
                        "date_from",
                        "2026-12-01",
                        "date_to",
                        "2026-12-01",
                        "q",
                        "honda")
                .get()) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(manager, "api/service-tickets", "customer_id", customer, "date_to", "2026-11-30")
                .get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        // every change is audited
        try (Response r = as(
                        Api.adminToken(),
                        "api/audit-logs",
                        "entity_type",
                        "service_ticket",
                        "entity_id",
                        id,
                        "per_page",
                        100)
                .get()) {
            assertTrue(body(r).getJsonObject("pagination").getInt("total") >= 8);
        }
        // the customer follows it to the end, totals included
        try (Response r = as(customerToken, "api/customers/my-tickets", "status", "completed")
                .get()) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonObject("pagination").getInt("total"));
            JsonObject mine = page.getJsonArray("data").getJsonObject(0);
            assertEquals(id, id(mine));
            assertEquals(new BigDecimal("137.34"), decimal(mine, "total"));
            // the customers' view: mechanics by display name, fitted parts with quantity and amount; no staff
            // login names, no unit costs, no ids of mechanics or stock items, no returned lines
            String text = mine.toString();
            for (String staff : new String[] {ana.getString("username"), ben.getString("username")}) {
                assertFalse(
                        text.contains("\"" + staff + "\""), () -> "a staff login name in the customer view: " + text);
            }
            assertFalse(text.contains("\"it-manager-"), () -> "the manager's login name in the customer view: " + text);
            for (String internal :
                    new String[] {"unit_cost", "fitted_by", "created_by", "assigned_by", "sku", "item_id", "mechanic_id"
                    }) {
                assertFalse(text.contains("\"" + internal + "\""), () -> internal + " in the customer view: " + text);
            }
            assertEquals(
                    List.of(ana.getString("name"), ben.getString("name")).stream()
                            .sorted()
                            .toList(),
                    mine.getJsonArray("mechanics").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .sorted()
                            .toList());
            JsonArray lines = mine.getJsonArray("parts");
            assertEquals(1, lines.size(), "the returned oil line is not charged");
            assertEquals(4, lines.getJsonObject(0).getInt("quantity"));
            assertEquals(new BigDecimal("6.00"), decimal(lines.getJsonObject(0), "amount"));
            assertEquals(decimal(mine, "parts_total"), decimal(lines.getJsonObject(0), "amount"));
            assertEquals(new BigDecimal("126.00"), decimal(mine, "subtotal"));
        }
    }

    @Test
    void thirtyParallelTakesFromTwoTicketsFitExactlyTheStock() throws Exception {
        long customer = Fixtures.customer();
        long part = Fixtures.part(10);
        long a = id(create(manager, ticket(customer, "serial", "SN-A")));
        long b = id(create(manager, ticket(customer, "serial", "SN-B")));
        assertNeverOversold(
                30,
                10,
                200,
                i -> as(manager, "api/service-tickets/" + (i % 2 == 0 ? a : b) + "/parts")
                        .post(json(part(part, 1))));
        assertPartStock(part, 0);
        int fitted = fittedUnits(get(manager, a)) + fittedUnits(get(manager, b));
        assertEquals(10, fitted);
    }

    @Test
    void parallelCancelsGiveThePartsBackExactlyOnce() throws Exception {
        long customer = Fixtures.customer();
        long x = Fixtures.part(10);
        long y = Fixtures.part(4);
        long id = id(create(manager, ticket(customer, "serial", "SN-C")));
        send(manager, "POST", id, "parts", part(x, 3), 200);
        send(manager, "POST", id, "parts", part(y, 4), 200);
        send(manager, "POST", id, "parts", part(x, 2), 200);
        JsonObject ticket = send(manager, "POST", id, "start", null, 200);
        long secondX = ticket.getJsonArray("parts")
                .getJsonObject(2)
                .getJsonNumber("id")
                .longValue();
        send(manager, "DELETE", id, "parts/" + secondX, null, 200);
        assertEquals(7, partQuantity(x));
        assertEquals(0, partQuantity(y));
        List<Integer> statuses = Concurrently.run(8, i -> {
            try (Response r =
                    as(manager, "api/service-tickets/" + id + "/cancel").post(null)) {
                if (r.getStatus() != 200) {
                    assertProblem(r, 409, "INVALID_TRANSITION");
                }
                return r.getStatus();
            }
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(10, partQuantity(x));
        assertEquals(4, partQuantity(y));
        assertEquals(10, partLedgerSum(x));
        assertEquals(4, partLedgerSum(y));
        ticket = get(manager, id);
        assertEquals("cancelled", ticket.getString("status"));
        assertEquals(new BigDecimal("0.00"), decimal(ticket, "parts_total"));
        assertRefused(
                as(manager, "api/service-tickets/" + id + "/parts").post(json(part(x, 1))), 409, "INVALID_TRANSITION");
        assertRefused(
                as(manager, "api/service-tickets/" + id + "/parts/" + secondX).delete(), 409, "INVALID_TRANSITION");
    }

    /**
     * Two mechanics on one ticket: neither adds anyone nor removes the other (403, through the edit and through
     * /api/assignments); each may remove themselves while they have no hours on it; an assignment with recorded
     * labour is never deleted, not even by a manager (409 STILL_REFERENCED), and the hours stay on the ticket.
     */
    @Test
    void onlyManagersChangeATicketsMechanicsAndRecordedLabourStays() {
        long customer = Fixtures.customer();
        JsonObject ana = Fixtures.mechanic();
        JsonObject ben = Fixtures.mechanic();
        JsonObject cleo = Fixtures.mechanic();
        String anaToken = Fixtures.mechanicToken(ana);
        String benToken = Fixtures.mechanicToken(ben);
        long id = id(create(manager, ticket(customer, "serial", "SN-TEAM")));
        String t = "api/service-tickets/" + id;
        send(manager, "PUT", id, "edit", object("add_mechanic_ids", array(id(ana), id(ben))), 200);
        send(manager, "POST", id, "labour", object("mechanic_id", id(ben), "hours", 5), 200);
        Map<Long, Long> assignments = new java.util.HashMap<>();
        try (Response r = as(manager, "api/assignments", "ticket_id", id).get()) {
            body(r).getJsonArray("data")
                    .getValuesAs(JsonObject.class)
                    .forEach(a -> assignments.put(a.getJsonNumber("mechanic_id").longValue(), id(a)));
        }
        // Ana removes Ben (and his 5 hours), adds Cleo, or adds herself again: 403, nothing changes
        assertRefused(
                as(anaToken, t + "/edit").put(json(object("remove_mechanic_ids", array(id(ben))))), 403, "FORBIDDEN");
        assertRefused(
                as(anaToken, "api/assignments/" + assignments.get(id(ben))).delete(), 403, "FORBIDDEN");
        assertRefused(
                as(anaToken, t + "/edit").put(json(object("add_mechanic_ids", array(id(cleo))))), 403, "FORBIDDEN");
        assertRefused(
                as(anaToken, t + "/edit")
                        .put(json(object("remove_mechanic_ids", array(id(ana)), "add_mechanic_ids", array(id(cleo))))),
                403,
                "FORBIDDEN");
        assertRefused(
                as(anaToken, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", id(cleo)))),
                403,
                "FORBIDDEN");
        JsonObject now = get(manager, id);
        assertEquals(2, now.getJsonArray("mechanics").size());
        assertEquals(new BigDecimal("5.00"), decimal(now, "labour_hours"));
        // Ben's hours keep his assignment: not by himself, not by a manager, through neither route
        assertRefused(
                as(benToken, "api/assignments/" + assignments.get(id(ben))).delete(), 409, "STILL_REFERENCED");
        assertRefused(
                as(benToken, t + "/edit").put(json(object("remove_mechanic_ids", array(id(ben))))),
                409,
                "STILL_REFERENCED");
        try (Response r = as(manager, t + "/edit").put(json(object("remove_mechanic_ids", array(id(ben)))))) {
            assertEquals("remove_mechanic_ids[0]", field(assertProblem(r, 409, "STILL_REFERENCED")));
        }
        assertRefused(as(manager, "api/assignments/" + assignments.get(id(ben))).delete(), 409, "STILL_REFERENCED");
        assertEquals(new BigDecimal("5.00"), decimal(get(manager, id), "labour_hours"));
        // Ana, without hours, removes herself; the manager adds Cleo and removes her again
        send(anaToken, "PUT", id, "edit", object("remove_mechanic_ids", array(id(ana))), 200);
        assertRefused(as(anaToken, t).get(), 404, "NOT_FOUND");
        send(manager, "PUT", id, "edit", object("add_mechanic_ids", array(id(cleo))), 200);
        JsonObject after = send(manager, "PUT", id, "edit", object("remove_mechanic_ids", array(id(cleo))), 200);
        assertEquals(1, after.getJsonArray("mechanics").size());
        assertEquals(
                id(ben),
                after.getJsonArray("mechanics")
                        .getJsonObject(0)
                        .getJsonNumber("mechanic_id")
                        .longValue());
        assertEquals(new BigDecimal("5.00"), decimal(after, "labour_hours"));
    }

    @Test
    void roleAndOwnershipMatrix() {
        long customer = Fixtures.customer();
        JsonObject mine = Fixtures.mechanic();
        JsonObject other = Fixtures.mechanic();
        String mineToken = Fixtures.mechanicToken(mine);
        String otherToken = Fixtures.mechanicToken(other);
        long part = Fixtures.part(5);
        long id = id(create(manager, ticket(customer, "serial", "SN-M")));
        send(manager, "PUT", id, "edit", object("add_mechanic_ids", array(id(mine))), 200);
        long assignment;
        try (Response r = as(manager, "api/assignments", "ticket_id", id).get()) {
            assignment = id(body(r).getJsonArray("data").getJsonObject(0));
        }
        String t = "api/service-tickets/" + id;
        JsonObject createBody = ticket(customer, "serial", "SN-X");
        // user and customer tokens: 403 on every staff route (this customer account is linked to no customer
        // record, so it may not open tickets either: CustomerSelfServiceIT); no token: 401
        for (String role : new String[] {"user", "customer"}) {
            String token = Api.tokenFor(role);
            for (String path : new String[] {"api/service-tickets", t, "api/assignments"}) {
                assertRefused(as(token, path).get(), 403, "FORBIDDEN");
            }
            assertRefused(as(token, "api/service-tickets").post(json(createBody)), 403, "FORBIDDEN");
            for (String verb : new String[] {"start", "complete", "cancel", "take"}) {
                assertRefused(as(token, t + "/" + verb).post(null), 403, "FORBIDDEN");
            }
            assertRefused(
                    as(token, t + "/edit").put(json(object("add_mechanic_ids", array(id(other))))), 403, "FORBIDDEN");
            assertRefused(
                    as(token, t + "/labour").post(json(object("mechanic_id", id(mine), "hours", 1))), 403, "FORBIDDEN");
            assertRefused(as(token, t + "/parts").post(json(part(part, 1))), 403, "FORBIDDEN");
            assertRefused(as(token, t + "/parts/1").delete(), 403, "FORBIDDEN");
            assertRefused(
                    as(token, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", id(other)))),
                    403,
                    "FORBIDDEN");
            assertRefused(as(token, "api/assignments/" + assignment).delete(), 403, "FORBIDDEN");
        }
        for (String path : new String[] {"api/service-tickets", t, "api/assignments"}) {
            try (Response r = anonymous(path).get()) {
                assertEquals(401, r.getStatus());
            }
        }
        try (Response r = anonymous(t + "/parts").post(json(part(part, 1)))) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = anonymous(t + "/take").post(null)) {
            assertEquals(401, r.getStatus());
        }
        // a manager assigns through edit or /api/assignments; taking is the mechanics' own
        assertRefused(as(manager, t + "/take").post(null), 403, "FORBIDDEN");
        // a mechanic may not open tickets
        assertRefused(as(mineToken, "api/service-tickets").post(json(createBody)), 403, "FORBIDDEN");
        // another mechanic's token, and a mechanic role account that is no mechanic: 404 on every ticket route
        for (String token : new String[] {otherToken, Api.tokenFor("mechanic")}) {
            assertRefused(as(token, t).get(), 404, "NOT_FOUND");
            try (Response r =
                    as(token, "api/service-tickets", "customer_id", customer).get()) {
                assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
            }
            for (String verb : new String[] {"start", "complete", "cancel", "take"}) {
                assertRefused(as(token, t + "/" + verb).post(null), 404, "NOT_FOUND");
            }
            assertRefused(
                    as(token, t + "/edit").put(json(object("add_mechanic_ids", array(id(other))))), 404, "NOT_FOUND");
            assertRefused(as(token, t + "/labour").post(json(object("hours", 1))), 404, "NOT_FOUND");
            assertRefused(as(token, t + "/parts").post(json(part(part, 1))), 404, "NOT_FOUND");
            try (Response r =
                    as(token, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", id(other))))) {
                assertProblem(r, 403, "FORBIDDEN"); // only managers assign mechanics
            }
            assertRefused(as(token, "api/assignments/" + assignment).delete(), 404, "NOT_FOUND");
            try (Response r = as(token, "api/assignments", "ticket_id", id).get()) {
                assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
            }
        }
        assertEquals(5, partQuantity(part));
        // the assigned mechanic works it: sees it, takes parts, records own hours, starts, removes themselves
        try (Response r = as(mineToken, t).get()) {
            assertEquals(200, r.getStatus());
        }
        send(mineToken, "POST", id, "parts", part(part, 1), 200);
        send(mineToken, "POST", id, "labour", object("hours", 0.25), 200);
        send(mineToken, "POST", id, "start", null, 200);
        try (Response r = as(mineToken, "api/assignments").get()) {
            assertEquals(1, body(r).getJsonObject("pagination").getInt("total"));
        }
        // their hours are recorded: the assignment stays (onlyManagersChangeATicketsMechanics)
        assertRefused(as(mineToken, "api/assignments/" + assignment).delete(), 409, "STILL_REFERENCED");
        try (Response r = as(mineToken, t).get()) {
            assertEquals(200, r.getStatus());
        }
        // managers and admins see and work everything
        for (String role : new String[] {"manager", "admin"}) {
            try (Response r = as(Api.tokenFor(role), t).get()) {
                assertEquals(200, r.getStatus());
            }
            try (Response r = as(Api.tokenFor(role), "api/assignments").get()) {
                assertEquals(200, r.getStatus());
            }
        }
        assertEquals(4, partQuantity(part));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long customer = Fixtures.customer();
        JsonObject mechanic = Fixtures.mechanic();
        long part = Fixtures.part(3);
        for (JsonObject bad : new JsonObject[] {
            object(),
            object("customer_id", customer),
            ticket(customer, "vin", "1HGCM82633A00435"), // 16 characters
            ticket(customer, "vin", "1HGCM82633A0043I2"), // an I
            ticket(customer, "vin", "1HGCM82633A0O4352"), // an O
            ticket(customer, "vin", "1HGCM82633A-04352"),
            ticket(customer, "year", 1800),
            ticket(customer, "year", 2101),
            ticket(customer, "priority", "asap"),
            ticket(customer, "make", "m".repeat(61)),
            ticket(customer, "serial", "s".repeat(65)),
            object("customer_id", customer, "description", "d".repeat(2001))
        }) {
            assertRefused(as(manager, "api/service-tickets").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        try (Response r = as(manager, "api/service-tickets").post(json(ticket(999_999_999L)))) {
            assertEquals("customer_id", field(assertProblem(r, 404, "NOT_FOUND")));
        }
        long id = id(create(manager, ticket(customer, "serial", "SN-BAD")));
        String t = "api/service-tickets/" + id;
        try (Response r = as(manager, t + "/parts").post(json(part(999_999_999L, 1)))) {
            assertEquals("item_id", field(assertProblem(r, 404, "NOT_FOUND")));
        }
        for (JsonObject bad :
                new JsonObject[] {part(part, 0), part(part, -1), part(part, 100_001), object("quantity", 1)}) {
            assertRefused(as(manager, t + "/parts").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        try (Response r = as(manager, t + "/edit").put(json(object("add_mechanic_ids", array(999999999))))) {
            assertEquals("add_mechanic_ids[0]", field(assertProblem(r, 404, "NOT_FOUND")));
        }
        send(manager, "PUT", id, "edit", object("add_mechanic_ids", array(id(mechanic))), 200);
        assertRefused(
                as(manager, t + "/edit").put(json(object("add_mechanic_ids", array(id(mechanic))))),
                409,
                "ALREADY_EXISTS");
        assertRefused(
                as(manager, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", id(mechanic)))),
                409,
                "ALREADY_EXISTS");
        try (Response r = as(manager, "api/assignments")
                .post(json(object("ticket_id", 999999999, "mechanic_id", id(mechanic))))) {
            assertEquals("ticket_id", field(assertProblem(r, 404, "NOT_FOUND")));
        }
        try (Response r =
                as(manager, "api/assignments").post(json(object("ticket_id", id, "mechanic_id", 999999999)))) {
            assertEquals("mechanic_id", field(assertProblem(r, 404, "NOT_FOUND")));
        }
        JsonObject absent = Fixtures.mechanic();
        assertRefused(
                as(manager, t + "/edit").put(json(object("remove_mechanic_ids", array(id(absent))))), 409, "CONFLICT");
        assertRefused(
                as(manager, t + "/labour").post(json(object("mechanic_id", id(absent), "hours", 1))), 409, "CONFLICT");
        for (JsonObject bad : new JsonObject[] {
            object("mechanic_id", id(mechanic), "hours", 0),
            object("mechanic_id", id(mechanic), "hours", 24.01),
            object("mechanic_id", id(mechanic), "hours", 1.234),
            object("hours", 1)
        }) {
            assertRefused(as(manager, t + "/labour").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        assertRefused(as(manager, t + "/parts/999999999").delete(), 404, "NOT_FOUND");
        assertRefused(as(manager, "api/assignments/999999999").delete(), 404, "NOT_FOUND");
        assertRefused(as(manager, "api/service-tickets/999999999").get(), 404, "NOT_FOUND");
        assertQueriesRefused(
                manager,
                "api/service-tickets",
                "status",
                "closed",
                "customer_id",
                "x",
                "mechanic_id",
                "0",
                "date_from",
                "yesterday",
                "sort",
                "priority");
        // returning a line with a stale If-Match (the ticket's ETag) changes nothing
        JsonObject fitted = send(manager, "POST", id, "parts", part(part, 1), 200);
        long line = id(fitted.getJsonArray("parts").getJsonObject(0));
        assertRefused(
                as(manager, t + "/parts/" + line).header("If-Match", "\"0\"").delete(), 412, "VERSION_CONFLICT");
        assertEquals(2, partQuantity(part));
        try (Response r = as(manager, t + "/parts/" + line)
                .header("If-Match", "\"" + fitted.getJsonNumber("version") + "\"")
                .delete()) {
            assertEquals(200, r.getStatus());
        }
        assertEquals(3, partQuantity(part));
    }

    @Test
    void theDetailsChangeWithIfMatchWhileTheTicketIsWorkable() {
        long customer = Fixtures.customer();
        JsonObject mechanic = Fixtures.mechanic();
        String mechanicToken = Fixtures.mechanicToken(mechanic);
        JsonObject ticket = create(manager, ticket(customer, "vin", VIN, "make", "Honda"));
        long id = id(ticket);
        String t = "api/service-tickets/" + id;
        JsonObject details = object(
                "description",
                "  Brakes squeal; check the rotors ",
                "service_date",
                "2026-12-02",
                "priority",
                "urgent",
                "vin",
                "2hgcm82633a004352",
                "serial",
                "SN-77",
                "model",
                "Civic",
                "year",
                2004);
        String tag = "\"" + ticket.getJsonNumber("version") + "\"";
        JsonObject changed;
        try (Response r = as(manager, t).header("If-Match", tag).put(json(details))) {
            assertEquals(200, r.getStatus());
            changed = body(r);
            assertEquals("\"" + changed.getJsonNumber("version") + "\"", r.getHeaderString("ETag"));
        }
        assertEquals("Brakes squeal; check the rotors", changed.getString("description"));
        assertEquals("2026-12-02", changed.getString("service_date"));
        assertEquals("urgent", changed.getString("priority"));
        assertEquals("2HGCM82633A004352", changed.getString("vin"));
        assertEquals("SN-77", changed.getString("serial"));
        assertTrue(!changed.containsKey("make") || changed.isNull("make"), "left out: cleared");
        assertEquals("Civic", changed.getString("model"));
        assertEquals(2004, changed.getInt("year"));
        assertEquals(customer, changed.getJsonNumber("customer_id").longValue());
        assertEquals("open", changed.getString("status"));
        assertTrue(changed.getJsonNumber("version").longValue()
                > ticket.getJsonNumber("version").longValue());
        // the old ETag is stale now: 412, nothing written
        assertRefused(
                as(manager, t).header("If-Match", tag).put(json(with(details, "priority", "low"))),
                412,
                "VERSION_CONFLICT");
        assertEquals("urgent", get(manager, id).getString("priority"));
        // malformed input names the field
        for (JsonObject bad : new JsonObject[] {
            with(details, "vin", "2HGCM82633A00435I"),
            with(details, "vin", "2HGCM8263"),
            with(details, "priority", "asap"),
            with(details, "year", 1800),
            object("service_date", "2026-12-02", "priority", "low"),
            object("description", "x", "priority", "low"),
            object("description", "x", "service_date", "2026-12-02")
        }) {
            assertRefused(as(manager, t).put(json(bad)), 400, "VALIDATION_FAILED");
        }
        try (Response r = as(manager, t).put(json(with(details, "vin", "2HGCM82633A0O4352")))) {
            assertEquals("vin", field(assertProblem(r, 400, "VALIDATION_FAILED")));
        }
        assertRefused(as(manager, "api/service-tickets/999999999").put(json(details)), 404, "NOT_FOUND");
        // who: not a customer (not even for their own ticket), a user or a mechanic not on it; the assigned one may
        for (String role : new String[] {"customer", "user"}) {
            assertRefused(as(Api.tokenFor(role), t).put(json(details)), 403, "FORBIDDEN");
        }
        try (Response r = anonymous(t).put(json(details))) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = as(mechanicToken, t).put(json(details))) {
            assertProblem(r, 403, "FORBIDDEN"); // in the queue: a mechanic reads it, and changes it once theirs
        }
        send(manager, "PUT", id, "edit", object("add_mechanic_ids", array(id(mechanic))), 200);
        try (Response r = as(mechanicToken, t).put(json(with(details, "priority", "high")))) {
            assertEquals(200, r.getStatus());
            assertEquals("high", body(r).getString("priority"));
        }
        // in progress still; completed or cancelled no more
        send(manager, "POST", id, "start", null, 200);
        try (Response r = as(manager, t).put(json(details))) {
            assertEquals(200, r.getStatus());
        }
        send(manager, "POST", id, "complete", null, 200);
        try (Response r = as(manager, t).put(json(with(details, "priority", "low")))) {
            assertEquals(
                    "completed", assertProblem(r, 409, "INVALID_TRANSITION").getString("current_status"));
        }
        long cancelled = id(create(manager, ticket(customer)));
        send(manager, "POST", cancelled, "cancel", null, 200);
        assertRefused(as(manager, "api/service-tickets/" + cancelled).put(json(details)), 409, "INVALID_TRANSITION");
        // audited with before and after
        try (Response r = as(
                        Api.adminToken(),
                        "api/audit-logs",
                        "entity_type",
                        "service_ticket",
                        "entity_id",
                        id,
                        "action",
                        "UPDATE")
                .get()) {
            assertEquals(3, body(r).getJsonObject("pagination").getInt("total"));
        }
    }

    /**
     * The mechanics' queue: a ticket nobody works yet shows to every mechanic, who may read and take it but
     * not work it; of mechanics taking it at once exactly one gets it, and it leaves the others' view; a
     * closed one, or any for a mechanic account that is no mechanic, is in nobody's queue.
     */
    @Test
    void mechanicsTakeTicketsFromTheQueueOneAtATime() throws Exception {
        long customer = Fixtures.customer();
        List<JsonObject> crew = List.of(Fixtures.mechanic(), Fixtures.mechanic(), Fixtures.mechanic());
        List<String> tokens = crew.stream().map(Fixtures::mechanicToken).toList();
        long part = Fixtures.part(5);
        long id = id(create(manager, ticket(customer, "make", "Volvo")));
        for (String token : tokens) {
            try (Response r =
                    as(token, "api/service-tickets", "customer_id", customer).get()) {
                JsonObject page = body(r);
                assertEquals(1, page.getJsonObject("pagination").getInt("total"), "in every mechanic's queue");
                assertEquals(id, id(page.getJsonArray("data").getJsonObject(0)));
            }
        }
        // in the queue, not theirs: no work on it
        send(tokens.get(0), "POST", id, "parts", part(part, 1), 403);
        send(tokens.get(0), "POST", id, "labour", object("hours", 1), 403);
        send(tokens.get(0), "PUT", id, "edit", object("remove_mechanic_ids", array(id(crew.get(0)))), 403);
        assertEquals(5, Fixtures.partQuantity(part));

        List<Integer> statuses = Concurrently.run(tokens.size(), i -> {
            try (Response r =
                    as(tokens.get(i), "api/service-tickets/" + id + "/take").post(null)) {
                return r.getStatus();
            }
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one mechanic gets it: " + statuses);
        assertEquals(tokens.size() - 1, statuses.stream().filter(s -> s == 404).count(), "the others: " + statuses);
        int winner = statuses.indexOf(200);
        JsonObject taken = get(manager, id);
        assertEquals(1, taken.getJsonArray("mechanics").size());
        assertEquals(
                id(crew.get(winner)),
                taken.getJsonArray("mechanics")
                        .getJsonObject(0)
                        .getJsonNumber("mechanic_id")
                        .longValue());
        send(tokens.get(winner), "POST", id, "take", null, 409);
        for (int i = 0; i < tokens.size(); i++) {
            if (i != winner) {
                try (Response r = as(tokens.get(i), "api/service-tickets", "customer_id", customer)
                        .get()) {
                    assertEquals(0, body(r).getJsonObject("pagination").getInt("total"), "gone from the queue");
                }
            }
        }
        send(tokens.get(winner), "POST", id, "parts", part(part, 1), 200);
        assertEquals(4, Fixtures.partQuantity(part));

        // a cancelled ticket nobody took is in no queue; a mechanic account that is no mechanic has none
        long closed = id(create(manager, ticket(customer, "make", "Saab")));
        send(manager, "POST", closed, "cancel", null, 200);
        long open = id(create(manager, ticket(customer, "make", "Fiat")));
        assertRefused(as(tokens.get(0), "api/service-tickets/" + closed).get(), 404, "NOT_FOUND");
        send(tokens.get(0), "POST", closed, "take", null, 404);
        String noMechanic = Api.tokenFor("mechanic");
        assertRefused(as(noMechanic, "api/service-tickets/" + open).get(), 404, "NOT_FOUND");
        send(noMechanic, "POST", open, "take", null, 404);
        try (Response r =
                as(noMechanic, "api/service-tickets", "customer_id", customer).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        int loser = winner == 0 ? 1 : 0;
        try (Response r = as(tokens.get(loser), "api/service-tickets", "customer_id", customer)
                .get()) {
            JsonObject page = body(r);
            assertEquals(1, page.getJsonObject("pagination").getInt("total"), "the open one only");
            assertEquals(open, id(page.getJsonArray("data").getJsonObject(0)));
        }
    }

    private JsonObject dashboardTickets() {
        try (Response r = as(manager, "api/dashboard/summary").get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonObject("service_tickets");
        }
    }

    private static JsonObject create(String token, JsonObject body) {
        try (Response r = as(token, "api/service-tickets").post(json(body))) {
            assertEquals(201, r.getStatus());
            JsonObject ticket = body(r);
            assertTrue(r.getLocation().toString().endsWith("/api/service-tickets/" + ticket.getJsonNumber("id")));
            return ticket;
        }
    }

    private static JsonObject get(String token, long id) {
        try (Response r = as(token, "api/service-tickets/" + id).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    private static JsonObject send(String token, String method, long id, String what, JsonObject body, int status) {
        try (Response r =
                as(token, "api/service-tickets/" + id + "/" + what).method(method, body == null ? null : json(body))) {
            String text = r.readEntity(String.class);
            assertEquals(status, r.getStatus(), () -> method + " " + what + ": " + text);
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return reader.readObject();
            }
        }
    }

    private static int fittedUnits(JsonObject ticket) {
        return ticket.getJsonArray("parts").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("status").equals("fitted"))
                .mapToInt(l -> l.getInt("quantity"))
                .sum();
    }

    /** A ticket for {@code customer}'s brakes, with more names and values. */
    private static JsonObject ticket(long customer, Object... more) {
        return with(object("customer_id", customer, "description", "Brakes squeal"), more);
    }

    private static JsonObject part(long item, int quantity) {
        return object("item_id", item, "quantity", quantity);
    }

    private static BigDecimal decimal(JsonObject object, String name) {
        return object.getJsonNumber(name).bigDecimalValue().setScale(2);
    }

    private static String field(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static List<String> transitions(JsonObject ticket) {
        return ticket.getJsonArray("allowed_transitions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
