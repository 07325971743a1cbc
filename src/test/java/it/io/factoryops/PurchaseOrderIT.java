package it.io.factoryops;

import static it.io.factoryops.support.Access.assertForbidden;
import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.BadQuery.assertQueriesRefused;
import static it.io.factoryops.support.Fixtures.assertPartStock;
import static it.io.factoryops.support.Fixtures.partLedgerSum;
import static it.io.factoryops.support.Fixtures.partQuantity;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Access.Call;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Purchase orders: their life cycle, four eyes (between usernames and between people: an attacker with second
 * accounts), approvals at the version read, receipts into stock, idempotency and who may do what.
 */
class PurchaseOrderIT {

    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.tokenFor("admin");
    private static final java.util.concurrent.atomic.AtomicInteger SEQ =
            new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void theWholeLifeWithPartialReceipts() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        long b = Fixtures.part(3);
        JsonObject po = create(manager, supplier, line(a, 10, "2.50"), line(b, 5, null));
        long id = po.getJsonNumber("id").longValue();
        assertEquals("draft", po.getString("status"));
        assertTrue(po.getString("po_number").matches("PO-" + Year.now().getValue() + "-\\d{6}"), po.toString());
        assertEquals(List.of("submit", "cancel"), transitions(po));
        assertEquals(new BigDecimal("32.50"), po.getJsonNumber("total_amount").bigDecimalValue()); // 25.00 + 5 × 1.50
        assertEquals(0, po.getJsonArray("lines").getJsonObject(0).getInt("received_quantity"));

        // approving a draft is the wrong state
        try (Response r = decide(admin, id, "approve", null)) {
            JsonObject problem = assertProblem(r, 409, "INVALID_TRANSITION");
            assertEquals("draft", problem.getString("current_status"));
            assertEquals(2, problem.getJsonArray("allowed_transitions").size());
        }
        po = post(manager, id, "submit", null, 200);
        assertEquals("pending", po.getString("status"));
        assertTrue(hasNotification(admin, "PO_AWAITING_APPROVAL", id), "admins are told it waits");
        po = decide(admin, id, "approve", null, 200);
        assertEquals("approved", po.getString("status"));
        assertEquals(List.of("receive", "deliver", "cancel"), transitions(po));
        assertTrue(hasNotification(manager, "PO_APPROVED", id), "the creator is told");

        long lineA =
                po.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        long lineB =
                po.getJsonArray("lines").getJsonObject(1).getJsonNumber("id").longValue();
        po = post(manager, id, "receive", receive(lineA, 4), 200);
        assertEquals("partially_received", po.getString("status"));
        assertEquals(4, po.getJsonArray("lines").getJsonObject(0).getInt("received_quantity"));
        assertEquals(4, partQuantity(a));
        try (Response r = as(manager, "api/purchase-orders/" + id + "/receive").post(json(receive(lineA, 7)))) {
            JsonObject problem = assertProblem(r, 400, "VALIDATION_FAILED");
            assertEquals(
                    "lines[0].quantity",
                    problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        assertRefused(
                as(manager, "api/purchase-orders/" + id + "/receive").post(json(receive(999_999_999L, 1))),
                404,
                "NOT_FOUND");
        assertRefused(as(manager, "api/purchase-orders/" + id + "/cancel").post(null), 409, "INVALID_TRANSITION");
        po = post(
                manager,
                id,
                "receive",
                object(
                        "lines",
                        array(object("line_id", lineA, "quantity", 6), object("line_id", lineB, "quantity", 5))),
                200);
        assertEquals("received", po.getString("status"));
        assertEquals(List.of(), transitions(po));
        assertEquals(10, partQuantity(a));
        assertEquals(8, partQuantity(b));
        assertEquals(10, partLedgerSum(a));
        assertEquals(8, partLedgerSum(b));
        assertRefused(as(manager, "api/purchase-orders/" + id + "/deliver").post(null), 409, "INVALID_TRANSITION");
        // the ledger rows name their receipt
        try (Response r =
                as(manager, "api/inventory/items/" + a + "/stock-movements").get()) {
            JsonObject newest = body(r).getJsonArray("data").getJsonObject(0);
            assertEquals("PURCHASE_RECEIPT", newest.getString("reason"));
            assertEquals("PURCHASE_ORDER_RECEIPT", newest.getString("reference_type"));
        }
        // the supplier of a purchase order stays: deactivate it instead
        assertRefused(as(manager, "api/suppliers/" + supplier).delete(), 409, "STILL_REFERENCED");
    }

    @Test
    void fourEyesAndRejection() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        // an admin creates it: the same admin may neither approve nor reject it
        String otherAdmin = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        long id = create(admin, supplier, line(a, 1, null)).getJsonNumber("id").longValue();
        post(admin, id, "submit", null, 200);
        assertRefused(decide(admin, id, "approve", null), 403, "SELF_APPROVAL");
        assertRefused(decide(admin, id, "reject", object("reason", "no")), 403, "SELF_APPROVAL");
        for (JsonObject bad : new JsonObject[] {object(), object("reason", "  "), object("reason", "r".repeat(501))}) {
            assertRefused(decide(otherAdmin, id, "reject", bad), 400, "VALIDATION_FAILED");
        }
        JsonObject po = decide(otherAdmin, id, "reject", object("reason", "Price above the agreement"), 200);
        assertEquals("rejected", po.getString("status"));
        assertEquals("Price above the agreement", po.getString("rejection_reason"));
        assertTrue(hasNotification(admin, "PO_REJECTED", id), "the creator is told");
        assertRefused(decide(otherAdmin, id, "approve", null), 409, "INVALID_TRANSITION");
        assertEquals(0, partQuantity(a));
    }

    @Test
    void anAdminWhoRewritesAPendingOrderSendsItBackToDraftAndMayNotApproveIt() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        long id = submitted(supplier, line(a, 2, "4.00"));
        String attackerName = Api.createUser("admin");
        String attacker = Api.login(attackerName, Api.PASSWORD).getString("access_token");
        JsonObject po;
        try (Response r = as(attacker, "api/purchase-orders/" + id)
                .header("If-Match", etag(id))
                .put(json(order(supplier, line(a, 1_000_000, "9999.99"))))) {
            assertEquals(200, r.getStatus());
            po = body(r);
        }
        assertEquals("draft", po.getString("status"), "the content froze when it was submitted");
        assertEquals(List.of("submit", "cancel"), transitions(po));
        assertEquals(attackerName, po.getString("last_edited_by"));
        assertTrue(!po.containsKey("submitted_by") && !po.containsKey("submitted_at"), po.toString());
        try (Response r = decide(attacker, id, "approve", null)) {
            assertProblem(r, 403, "SELF_APPROVAL"); // its last editor, whatever the status
        }
        po = post(attacker, id, "submit", null, 200);
        assertEquals("pending", po.getString("status"));
        for (String verb : new String[] {"approve", "reject"}) {
            try (Response r = decide(attacker, id, verb, verb.equals("reject") ? object("reason", "x") : null)) {
                assertTrue(assertProblem(r, 403, "SELF_APPROVAL")
                        .getString("detail")
                        .contains("by you"));
            }
        }
        assertEquals("pending", get(id).getString("status"));
        assertTrue(
                refusals(id, "APPROVE_REFUSED").stream()
                        .anyMatch(row -> row.getString("actor").equals(attackerName)),
                "the refusal is audited with who tried");
        // a third person, independent of both, may
        JsonObject approved = decide(admin, id, "approve", null, 200);
        assertEquals("approved", approved.getString("status"));
        assertEquals(
                new BigDecimal("9999990000.00"),
                approved.getJsonNumber("total_amount").bigDecimalValue());
    }

    @Test
    void whoeverEditedOrSubmittedTheCurrentContentNeverApprovesIt() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        String editorName = Api.createUser("admin");
        String editor = Api.login(editorName, Api.PASSWORD).getString("access_token");
        long id =
                create(manager, supplier, line(a, 1, null)).getJsonNumber("id").longValue();
        try (Response r = as(editor, "api/purchase-orders/" + id).put(json(order(supplier, line(a, 3, null))))) {
            assertEquals(200, r.getStatus());
            assertEquals(editorName, body(r).getString("last_edited_by"));
        }
        // the creator submits what the editor wrote: the editor still may not approve it
        JsonObject po = post(manager, id, "submit", null, 200);
        assertEquals(editorName, po.getString("last_edited_by"));
        assertEquals(get(id).getString("created_by"), po.getString("submitted_by"));
        assertRefused(decide(editor, id, "approve", null), 403, "SELF_APPROVAL");
        // nor may whoever submitted it, although someone else wrote it
        String submitterName = Api.createUser("admin");
        String submitter = Api.login(submitterName, Api.PASSWORD).getString("access_token");
        long other =
                create(manager, supplier, line(a, 1, null)).getJsonNumber("id").longValue();
        assertEquals(submitterName, post(submitter, other, "submit", null, 200).getString("submitted_by"));
        assertRefused(decide(submitter, other, "approve", null), 403, "SELF_APPROVAL");
        decide(admin, id, "approve", null, 200);
        decide(admin, other, "approve", null, 200);
    }

    @Test
    void approveAndRejectRequireTheETagOfWhatWasRead() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        long id = submitted(supplier, line(a, 1, "1.00"));
        for (String ifMatch : new String[] {null, "*"}) {
            assertRefused(
                    as(admin, "api/purchase-orders/" + id + "/approve")
                            .header("If-Match", ifMatch)
                            .post(null),
                    428,
                    "PRECONDITION_REQUIRED");
            assertRefused(
                    as(admin, "api/purchase-orders/" + id + "/reject")
                            .header("If-Match", ifMatch)
                            .post(json(object("reason", "x"))),
                    428,
                    "PRECONDITION_REQUIRED");
        }
        assertRefused(
                as(admin, "api/purchase-orders/" + id + "/approve")
                        .header("If-Match", "not-an-etag")
                        .post(null),
                400,
                "INVALID_PARAMETER");
        // the approver reads the order; the creator changes it and submits it again; the old ETag approves nothing
        String read = etag(id);
        try (Response r = as(manager, "api/purchase-orders/" + id).put(json(order(supplier, line(a, 900, "99.00"))))) {
            assertEquals(200, r.getStatus());
        }
        post(manager, id, "submit", null, 200);
        for (String verb : new String[] {"approve", "reject"}) {
            assertRefused(
                    as(admin, "api/purchase-orders/" + id + "/" + verb)
                            .header("If-Match", read)
                            .post(verb.equals("reject") ? json(object("reason", "x")) : null),
                    412,
                    "VERSION_CONFLICT");
        }
        JsonObject po = get(id);
        assertEquals("pending", po.getString("status"));
        try (Response r = as(admin, "api/purchase-orders/" + id + "/approve")
                .header("If-Match", etag(id))
                .post(null)) {
            assertEquals(200, r.getStatus());
            assertEquals(
                    new BigDecimal("89100.00"),
                    body(r).getJsonNumber("total_amount").bigDecimalValue());
            assertEquals("\"" + (po.getJsonNumber("version").longValue() + 1) + "\"", r.getHeaderString("ETag"));
        }
    }

    @Test
    void anAdminMayNotApproveForAnAccountHeCreated() {
        String adminName = Api.createUser("admin");
        String attacker = Api.login(adminName, Api.PASSWORD).getString("access_token");
        String puppet = account(attacker, "manager", null);
        long id = raisedAndSubmitted(Api.login(puppet, Api.PASSWORD).getString("access_token"));
        try (Response r = decide(attacker, id, "approve", null)) {
            JsonObject problem = assertProblem(r, 403, "RELATED_ACCOUNT");
            assertTrue(problem.getString("detail").contains(puppet), problem.toString());
        }
        assertRefused(decide(attacker, id, "reject", object("reason", "x")), 403, "RELATED_ACCOUNT");
        assertEquals("pending", get(id).getString("status"));
        JsonObject refusal = refusals(id, "APPROVE_REFUSED").stream()
                .filter(row -> row.getString("actor").equals(adminName))
                .findFirst()
                .orElseThrow();
        assertEquals("RELATED_ACCOUNT", refusal.getJsonObject("after").getString("code"));
        assertFalse(refusals(id, "REJECT_REFUSED").isEmpty());
        // the puppet changing its password does not untie it: its creator knew it first
        try (Response r = as(Api.login(puppet, Api.PASSWORD).getString("access_token"), "api/auth/change-password")
                .post(json(object("current_password", Api.PASSWORD, "new_password", "Other-Passw0rd-77")))) {
            assertEquals(204, r.getStatus());
        }
        assertRefused(decide(attacker, id, "approve", null), 403, "RELATED_ACCOUNT");
        decide(admin, id, "approve", null, 200);
    }

    @Test
    void anAdminMayNotApproveForAnAccountWhosePasswordHeSet() {
        String attacker = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        String requester = Api.createUser("manager"); // created by someone else
        try (Response r = as(attacker, "api/auth/users/" + userId(requester))
                .put(json(object("password", "Reset-Passw0rd-55")))) {
            assertEquals(200, r.getStatus());
        }
        long id = raisedAndSubmitted(Api.login(requester, "Reset-Passw0rd-55").getString("access_token"));
        assertRefused(decide(attacker, id, "approve", null), 403, "RELATED_ACCOUNT");
        assertFalse(refusals(id, "APPROVE_REFUSED").isEmpty());
        decide(admin, id, "approve", null, 200);
    }

    @Test
    void twoAccountsOfOneEmployeeAreOnePerson() {
        long employee = Fixtures.employee();
        String requester = account(Api.adminToken(), "manager", employee);
        String approver = Api.login(account(Api.adminToken(), "admin", employee), Api.PASSWORD)
                .getString("access_token");
        long id = raisedAndSubmitted(Api.login(requester, Api.PASSWORD).getString("access_token"));
        try (Response r = decide(approver, id, "approve", null)) {
            assertTrue(
                    assertProblem(r, 403, "RELATED_ACCOUNT").getString("detail").contains("same employee"));
        }
        decide(admin, id, "approve", null, 200);
    }

    @Test
    void noApprovalByAnAccountTheRequesterCreated() {
        // the other way round: the super admin raises an order and approves it with an admin account it created
        long id = raisedAndSubmitted(Api.adminToken());
        String puppet = Api.login(account(Api.adminToken(), "admin", null), Api.PASSWORD)
                .getString("access_token");
        assertRefused(decide(puppet, id, "approve", null), 403, "RELATED_ACCOUNT");
        assertEquals("pending", get(id).getString("status"));
    }

    @Test
    void editsOnlyWhileDraftOrPendingWithIfMatch() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        long b = Fixtures.part(0);
        long id;
        String etag;
        try (Response r = as(manager, "api/purchase-orders").post(json(order(supplier, line(a, 1, null))))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
            etag = r.getHeaderString("ETag");
        }
        try (Response r = as(manager, "api/purchase-orders/" + id)
                .header("If-Match", etag)
                .put(json(order(supplier, line(a, 2, "3.00"), line(b, 1, "1.00"))))) {
            assertEquals(200, r.getStatus());
            assertEquals(
                    new BigDecimal("7.00"),
                    body(r).getJsonNumber("total_amount").bigDecimalValue());
        }
        assertRefused(
                as(manager, "api/purchase-orders/" + id)
                        .header("If-Match", etag)
                        .put(json(order(supplier, line(a, 5, null)))),
                412,
                "VERSION_CONFLICT");
        post(manager, id, "submit", null, 200);
        decide(Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token"), id, "approve", null, 200);
        assertRefused(
                as(manager, "api/purchase-orders/" + id).put(json(order(supplier, line(a, 5, null)))),
                409,
                "INVALID_TRANSITION");
        JsonObject po = post(manager, id, "cancel", null, 200);
        assertEquals("cancelled", po.getString("status"));
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        JsonObject hundredAndOne = object("supplier_id", supplier, "lines", Collections.nCopies(101, line(a, 1, null)));
        for (JsonObject bad : new JsonObject[] {
            hundredAndOne,
            order(supplier),
            order(supplier, line(a, 0, null)),
            order(supplier, line(a, -1, null)),
            order(supplier, line(a, 1_000_001, null)),
            order(supplier, line(a, 1, "1.234")),
            order(supplier, line(a, 1, "-1")),
            order(supplier, line(a, 1, null), line(a, 2, null)),
            object("lines", array(line(a, 1, null))),
            with(order(supplier, line(a, 1, null)), "notes", "n".repeat(2001))
        }) {
            assertRefused(as(manager, "api/purchase-orders").post(json(bad)), 400, "VALIDATION_FAILED");
        }
        try (Response r = as(manager, "api/purchase-orders").post(json(order(999_999_999L, line(a, 1, null))))) {
            assertEquals(
                    "supplier_id",
                    assertProblem(r, 404, "NOT_FOUND")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
        try (Response r = as(manager, "api/purchase-orders")
                .post(json(order(supplier, line(a, 1, null), line(999_999_999L, 1, null))))) {
            assertEquals(
                    "lines[1].item_id",
                    assertProblem(r, 404, "NOT_FOUND")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
        assertRefused(as(manager, "api/purchase-orders").post(json(object("supplier_id", "x"))), 400, "MALFORMED_JSON");
        try (Response r =
                as(manager, "api/purchase-orders", "supplier_id", supplier).get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        assertQueriesRefused(
                manager, "api/purchase-orders", "status", "open", "supplier_id", "x", "date_from", "yesterday");
        assertRefused(as(manager, "api/purchase-orders/999999999").get(), 404, "NOT_FOUND");
    }

    @Test
    void twoParallelReceiptsWithOneKeyReceiveOnce() throws Exception {
        long a = Fixtures.part(0);
        long id = approved(Fixtures.supplier(), line(a, 10, null));
        long line = get(id).getJsonArray("lines")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String key = "receive-" + Api.RUN + "-" + id;
        List<Integer> statuses = Concurrently.run(2, i -> {
            try (Response r = as(manager, "api/purchase-orders/" + id + "/receive")
                    .header("Idempotency-Key", key)
                    .post(json(receive(line, 6)))) {
                assertEquals(200, r.getStatus());
                return body(r).getJsonArray("lines").getJsonObject(0).getInt("received_quantity");
            }
        });
        assertEquals(List.of(6, 6), statuses);
        assertPartStock(a, 6);
        // without the key, a second receipt of the same delivery is refused: only 4 are outstanding
        assertRefused(
                as(manager, "api/purchase-orders/" + id + "/receive").post(json(receive(line, 6))),
                400,
                "VALIDATION_FAILED");
        JsonObject po = post(manager, id, "deliver", null, 200);
        assertEquals("received", po.getString("status"));
        assertEquals(10, partQuantity(a));
    }

    @Test
    void roleMatrix() {
        long supplier = Fixtures.supplier();
        long a = Fixtures.part(0);
        long id =
                create(manager, supplier, line(a, 1, null)).getJsonNumber("id").longValue();
        for (String path : new String[] {"api/purchase-orders", "api/purchase-orders/" + id}) {
            for (String role : new String[] {"manager", "admin"}) {
                try (Response r = as(Api.tokenFor(role), path).get()) {
                    assertEquals(200, r.getStatus(), role + " GET " + path);
                }
            }
            for (String role : new String[] {"user", "mechanic", "customer"}) {
                assertRefused(as(Api.tokenFor(role), path).get(), 403, "FORBIDDEN");
            }
            try (Response r = anonymous(path).get()) {
                assertEquals(401, r.getStatus());
            }
        }
        String po = "api/purchase-orders/" + id;
        assertForbidden(
                List.of("user", "mechanic", "customer"),
                Call.post("api/purchase-orders", order(supplier, line(a, 1, null))),
                Call.post(po + "/submit", null),
                Call.post(po + "/cancel", null),
                Call.post(po + "/deliver", null),
                Call.post(po + "/approve", null),
                Call.post(po + "/reject", object("reason", "x")));
        // managers may decide (up to the limit: managerApprovesUpToTheLimitAndOnlyAdminsAbove), with If-Match
        assertRefused(as(manager, "api/purchase-orders/" + id + "/approve").post(null), 428, "PRECONDITION_REQUIRED");
        try (Response r = anonymous("api/purchase-orders/" + id + "/submit").post(null)) {
            assertEquals(401, r.getStatus());
        }
        assertEquals("draft", get(id).getString("status"));
    }

    /**
     * Two levels: a manager approves or rejects an order whose total is up to the limit (5000.00 here, the
     * default), inclusive, under the same four eyes as admins; above it the manager is refused (403
     * APPROVAL_LIMIT, audited as a refusal) and only admins are told it waits.
     */
    @Test
    void managerApprovesUpToTheLimitAndOnlyAdminsAbove() {
        String secondName = Api.createUser("manager");
        String second = Api.login(secondName, Api.PASSWORD).getString("access_token");
        long supplier = Fixtures.supplier();
        long part = Fixtures.part(0);
        long small = create(manager, supplier, line(part, 4, "12.50"))
                .getJsonNumber("id")
                .longValue();
        long atLimit = create(manager, supplier, line(part, 400, "12.50"))
                .getJsonNumber("id")
                .longValue();
        JsonObject bigDraft = create(manager, supplier, line(part, 401, "12.50"));
        long big = bigDraft.getJsonNumber("id").longValue();
        assertEquals("admin", bigDraft.getString("approval_role"));
        for (long id : new long[] {small, atLimit, big}) {
            post(manager, id, "submit", null, 200);
        }
        assertEquals("manager", get(small).getString("approval_role"));
        assertEquals(
                new BigDecimal("5000.00"),
                get(atLimit).getJsonNumber("total_amount").bigDecimalValue());
        assertEquals("manager", get(atLimit).getString("approval_role"));
        assertTrue(hasNotification(second, "PO_AWAITING_APPROVAL", small), "managers are told of what they decide");
        assertFalse(hasNotification(second, "PO_AWAITING_APPROVAL", big), "not of what they may not");
        assertTrue(hasNotification(admin, "PO_AWAITING_APPROVAL", big));

        // four eyes hold for managers too: the creator may not, a second manager may
        assertRefused(decide(manager, small, "approve", null), 403, "SELF_APPROVAL");
        JsonObject approved = decide(second, small, "approve", null, 200);
        assertEquals("approved", approved.getString("status"));
        assertEquals(secondName, approved.getString("approved_by"));
        assertEquals(
                "rejected",
                decide(second, atLimit, "reject", object("reason", "Split it"), 200)
                        .getString("status"));

        // above the limit: refused, audited, nothing changed; an admin decides
        try (Response r = decide(second, big, "approve", null)) {
            assertTrue(
                    assertProblem(r, 403, "APPROVAL_LIMIT").getString("detail").contains("5012.50"));
        }
        assertRefused(decide(second, big, "reject", object("reason", "x")), 403, "APPROVAL_LIMIT");
        assertEquals("pending", get(big).getString("status"));
        assertTrue(
                refusals(big, "APPROVE_REFUSED").stream()
                        .anyMatch(row -> row.getString("actor").equals(secondName)
                                && row.toString().contains("APPROVAL_LIMIT")),
                "the refusal is audited with who tried and why");
        assertEquals(1, refusals(big, "REJECT_REFUSED").size());
        assertEquals("approved", decide(admin, big, "approve", null, 200).getString("status"));
    }

    /** A draft of these lines raised and submitted by a manager; returns its id. */
    private long submitted(long supplier, JsonObject... lines) {
        long id = create(manager, supplier, lines).getJsonNumber("id").longValue();
        post(manager, id, "submit", null, 200);
        return id;
    }

    private long approved(long supplier, JsonObject... lines) {
        long id = submitted(supplier, lines);
        decide(admin, id, "approve", null, 200);
        return id;
    }

    /** A draft of one line raised and submitted by {@code token}'s account; returns its id. */
    private long raisedAndSubmitted(String token) {
        long id = create(token, Fixtures.supplier(), line(Fixtures.part(0), 4, "12.50"))
                .getJsonNumber("id")
                .longValue();
        post(token, id, "submit", null, 200);
        return id;
    }

    /** An account with this role created by {@code creator}'s account (linked to an employee if given). */
    private static String account(String creator, String role, Long employee) {
        String username = "po-" + role + "-" + Api.RUN + "-" + SEQ.incrementAndGet();
        try (Response r = as(creator, "api/auth/users")
                .post(json(sparse(
                        "username",
                        username,
                        "email",
                        Api.uniqueEmail(username),
                        "password",
                        Api.PASSWORD,
                        "role",
                        role,
                        "employee_id",
                        employee)))) {
            assertEquals(201, r.getStatus());
        }
        return username;
    }

    private static long userId(String username) {
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            return body(r).getJsonArray("data")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
        }
    }

    /** The audit rows of refused decisions ({@code action}) on a purchase order. */
    private static List<JsonObject> refusals(long id, String action) {
        try (Response r = as(
                        Api.adminToken(),
                        "api/audit-logs",
                        "entity_type",
                        "purchase_order",
                        "entity_id",
                        id,
                        "action",
                        action)
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class);
        }
    }

    private JsonObject create(String token, long supplier, JsonObject... lines) {
        try (Response r = as(token, "api/purchase-orders").post(json(order(supplier, lines)))) {
            assertEquals(201, r.getStatus());
            JsonObject po = body(r);
            assertTrue(r.getLocation().toString().endsWith("/api/purchase-orders/" + po.getJsonNumber("id")));
            return po;
        }
    }

    private JsonObject get(long id) {
        try (Response r = as(manager, "api/purchase-orders/" + id).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    /** The order's ETag, as an approver reads it before deciding. */
    private String etag(long id) {
        try (Response r = as(manager, "api/purchase-orders/" + id).get()) {
            assertEquals(200, r.getStatus());
            return r.getHeaderString("ETag");
        }
    }

    /** Approve or reject ({@code verb}) with the If-Match of the order as it is now. */
    private Response decide(String token, long id, String verb, JsonObject body) {
        return as(token, "api/purchase-orders/" + id + "/" + verb)
                .header("If-Match", etag(id))
                .post(body == null ? null : json(body));
    }

    private JsonObject decide(String token, long id, String verb, JsonObject body, int status) {
        try (Response r = decide(token, id, verb, body)) {
            assertEquals(status, r.getStatus(), verb);
            return body(r);
        }
    }

    private static JsonObject post(String token, long id, String verb, JsonObject body, int status) {
        try (Response r = as(token, "api/purchase-orders/" + id + "/" + verb).post(body == null ? null : json(body))) {
            assertEquals(status, r.getStatus(), verb);
            return body(r);
        }
    }

    private static boolean hasNotification(String token, String type, long purchaseOrder) {
        try (Response r =
                as(token, "api/notifications", "type", type, "per_page", 100).get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .anyMatch(n -> n.containsKey("reference_id")
                            && n.getJsonNumber("reference_id").longValue() == purchaseOrder);
        }
    }

    private static List<String> transitions(JsonObject po) {
        return po.getJsonArray("allowed_transitions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static JsonObject order(long supplier, JsonObject... lines) {
        return object(
                "supplier_id", supplier, "expected_date", "2026-12-15", "notes", "Gate 2", "lines", List.of(lines));
    }

    private static JsonObject line(long part, int quantity, String unitCost) {
        return sparse(
                "item_id", part, "quantity", quantity, "unit_cost", unitCost == null ? null : new BigDecimal(unitCost));
    }

    private static JsonObject receive(long line, int quantity) {
        return object("lines", array(object("line_id", line, "quantity", quantity)));
    }
}
