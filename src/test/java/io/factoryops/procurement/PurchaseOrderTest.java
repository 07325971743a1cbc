package io.factoryops.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.db.Persisted;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.InvalidTransitionException;
import io.factoryops.platform.error.Lifecycle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The purchase order's state machine and its four eyes, without a server: the entity guards them itself. */
class PurchaseOrderTest {

    private static PurchaseOrder draft(String creator) {
        PurchaseOrder order = new PurchaseOrder(creator, "PO-test");
        edit(order, creator, 1);
        return order;
    }

    private static void edit(PurchaseOrder order, String editor, int quantity) {
        order.describe(editor, 7L, null, null, List.<Object[]>of(new Object[] {11L, quantity, new BigDecimal("2.50")}));
    }

    @Test
    void theHappyPath() {
        PurchaseOrder order = draft("maria");
        assertEquals(PurchaseOrderStatus.DRAFT, order.getStatus());
        assertEquals("maria", order.getLastEditedBy());
        assertEquals(new BigDecimal("2.50"), order.getTotalAmount());
        order.submit("maria");
        assertEquals(PurchaseOrderStatus.PENDING, order.getStatus());
        assertEquals("maria", order.getSubmittedBy());
        order.approve("ada");
        assertEquals(PurchaseOrderStatus.APPROVED, order.getStatus());
        assertEquals("ada", order.getApprovedBy());
        order.cancel();
        assertEquals(PurchaseOrderStatus.CANCELLED, order.getStatus());
    }

    @Test
    void wrongStatesAreInvalidTransitions() {
        PurchaseOrder order = draft("maria");
        assertEquals(
                ErrorCode.INVALID_TRANSITION,
                assertThrows(InvalidTransitionException.class, () -> order.approve("ada"))
                        .code());
        assertThrows(InvalidTransitionException.class, () -> order.receive("receive", Map.of()));
        order.submit("maria");
        assertThrows(InvalidTransitionException.class, () -> order.submit("maria"));
        order.reject("ada", "too dear");
        assertEquals(PurchaseOrderStatus.REJECTED, order.getStatus());
        assertThrows(InvalidTransitionException.class, () -> edit(order, "maria", 2));
        assertThrows(InvalidTransitionException.class, order::cancel);
    }

    @Test
    void anEditOfAPendingOrderSendsItBackToDraft() {
        PurchaseOrder order = draft("maria");
        order.submit("maria");
        edit(order, "ada", 1_000_000);
        assertEquals(PurchaseOrderStatus.DRAFT, order.getStatus(), "what was submitted is what is approved");
        assertEquals("ada", order.getLastEditedBy());
        assertNull(order.getSubmittedBy());
        assertNull(order.getSubmittedAt());
        assertEquals(List.of("submit", "cancel"), order.getStatus().allowedTransitions());
        assertThrows(InvalidTransitionException.class, () -> order.approve("bob"), "a draft is not approved");
    }

    @Test
    void neitherCreatorNorLastEditorNorSubmitterDecides() {
        PurchaseOrder order = draft("maria");
        order.submit("maria");
        edit(order, "ada", 3);
        order.submit("sam");
        assertEquals(Set.of("maria", "ada", "sam"), order.people());
        for (String author : List.of("maria", "ada", "sam")) {
            SelfApprovalException approve = assertThrows(SelfApprovalException.class, () -> order.approve(author));
            assertEquals(ErrorCode.SELF_APPROVAL, approve.code());
            assertThrows(SelfApprovalException.class, () -> order.reject(author, "no"));
        }
        assertEquals(PurchaseOrderStatus.PENDING, order.getStatus(), "refusals change nothing");
        assertNull(order.getApprovedBy());
        order.approve("bob");
        assertEquals(PurchaseOrderStatus.APPROVED, order.getStatus());
    }

    @Test
    void theRefusalSaysWhy() {
        PurchaseOrder order = draft("maria");
        edit(order, "ada", 2);
        order.submit("sam");
        assertEquals(
                "Purchase order PO-test was last edited by you; someone else must approve it",
                assertThrows(SelfApprovalException.class, () -> order.approve("ada"))
                        .getMessage());
        assertEquals(
                "Purchase order PO-test was submitted by you; someone else must reject it",
                assertThrows(SelfApprovalException.class, () -> order.reject("sam", "x"))
                        .getMessage());
        assertEquals(
                "Purchase order PO-test was created by you; someone else must approve it",
                assertThrows(SelfApprovalException.class, () -> order.approve("maria"))
                        .getMessage(),
                "the creator never decides, even after others edited and submitted");
        order.reject("bob", "no");
        assertEquals("bob", order.getRejectedBy());
    }

    @Test
    void fourEyesComeBeforeTheStatus() {
        PurchaseOrder order = draft("maria");
        // the editor of a draft learns that it may never decide on it, not merely that it is a draft
        assertThrows(SelfApprovalException.class, () -> order.approve("maria"));
    }

    /** A draft of two lines (ids 101, 102: 4 and 6 units) by maria. */
    private static PurchaseOrder twoLines() {
        PurchaseOrder order = Persisted.withId(new PurchaseOrder("maria", "PO-test"), 42);
        order.describe(
                "maria",
                7L,
                null,
                null,
                List.<Object[]>of(
                        new Object[] {11L, 4, new BigDecimal("2.345")}, new Object[] {12L, 6, new BigDecimal("0.10")}));
        Persisted.withId(order.getLines().get(0), 101);
        Persisted.withId(order.getLines().get(1), 102);
        return order;
    }

    /** An order of {@link #twoLines} in {@code status}, reached through the transitions its life allows. */
    private static PurchaseOrder in(PurchaseOrderStatus status) {
        PurchaseOrder order = twoLines();
        if (status != PurchaseOrderStatus.DRAFT && status != PurchaseOrderStatus.CANCELLED) {
            order.submit("maria");
        }
        switch (status) {
            case DRAFT, PENDING -> {}
            case APPROVED -> order.approve("ada");
            case REJECTED -> order.reject("ada", "too dear");
            case PARTIALLY_RECEIVED -> {
                order.approve("ada");
                order.receive("receive", Map.of(101L, 1));
            }
            case RECEIVED -> {
                order.approve("ada");
                order.receive("receive", Map.of(101L, 4, 102L, 6));
            }
            case CANCELLED -> order.cancel();
        }
        assertEquals(status, order.getStatus());
        return order;
    }

    /** The verbs (the API's, and "edit" for a PUT) and what each does to an order, as people other than maria. */
    private static final Map<String, Consumer<PurchaseOrder>> VERBS = Map.of(
            "submit", o -> o.submit("sam"),
            "approve", o -> o.approve("ada"),
            "reject", o -> o.reject("ada", "no"),
            "cancel", PurchaseOrder::cancel,
            "receive", o -> o.receive("receive", Map.of(102L, 6)),
            "edit", o -> edit(o, "sam", 5));

    /** Every transition the life allows: from → verb → to (all others are refused). */
    private static final Map<PurchaseOrderStatus, Map<String, PurchaseOrderStatus>> LIFE = Map.of(
            PurchaseOrderStatus.DRAFT,
            Map.of(
                    "submit", PurchaseOrderStatus.PENDING,
                    "cancel", PurchaseOrderStatus.CANCELLED,
                    "edit", PurchaseOrderStatus.DRAFT),
            PurchaseOrderStatus.PENDING,
            Map.of(
                    "approve", PurchaseOrderStatus.APPROVED,
                    "reject", PurchaseOrderStatus.REJECTED,
                    "cancel", PurchaseOrderStatus.CANCELLED,
                    "edit", PurchaseOrderStatus.DRAFT),
            PurchaseOrderStatus.APPROVED,
            Map.of("cancel", PurchaseOrderStatus.CANCELLED, "receive", PurchaseOrderStatus.PARTIALLY_RECEIVED),
            PurchaseOrderStatus.PARTIALLY_RECEIVED,
            Map.of("receive", PurchaseOrderStatus.PARTIALLY_RECEIVED),
            PurchaseOrderStatus.REJECTED,
            Map.of(),
            PurchaseOrderStatus.RECEIVED,
            Map.of(),
            PurchaseOrderStatus.CANCELLED,
            Map.of());

    @ParameterizedTest
    @EnumSource(PurchaseOrderStatus.class)
    void everyTransitionIsAllowedOrRefusedAsTheLifeSays(PurchaseOrderStatus from) {
        Set<String> verbs = new java.util.HashSet<>(LIFE.get(from).keySet());
        verbs.remove("edit"); // a PUT, not a verb
        if (verbs.contains("receive")) {
            verbs.add("deliver"); // the same transition under its other name
        }
        assertEquals(verbs, Set.copyOf(from.allowedTransitions()), "what the API lists");
        assertEquals(LIFE.get(from).containsKey("edit"), from.editable());
        new Lifecycle<>(
                        PurchaseOrderTest::in,
                        PurchaseOrder::getStatus,
                        PurchaseOrderStatus::value,
                        PurchaseOrderStatus::allowedTransitions,
                        VERBS,
                        LIFE)
                .assertFrom(from);
    }

    @Test
    void theTotalIsTheSumOfLinesRoundedHalfUpToCents() {
        PurchaseOrder order = twoLines();
        PurchaseOrderLine first = order.getLines().get(0);
        assertEquals(new BigDecimal("2.35"), first.getUnitCost(), "the cost is kept in cents");
        assertEquals(new BigDecimal("9.40"), first.getLineTotal(), "4 × 2.35");
        assertEquals(new BigDecimal("0.60"), order.getLines().get(1).getLineTotal());
        assertEquals(new BigDecimal("10.00"), order.getTotalAmount());
        assertEquals(
                List.of(1, 2),
                order.getLines().stream().map(PurchaseOrderLine::getLineNo).toList());
        edit(order, "maria", 3);
        assertEquals(1, order.getLines().size(), "an edit replaces the lines");
        assertEquals(new BigDecimal("7.50"), order.getTotalAmount(), "and the total with them");
        order.describe("maria", 7L, null, null, List.of());
        assertEquals(new BigDecimal("0.00"), order.getTotalAmount());
    }

    @Test
    void receiptsFillTheLinesUntilNothingIsOutstanding() {
        PurchaseOrder order = in(PurchaseOrderStatus.APPROVED);
        order.receive("receive", Map.of(101L, 3));
        assertEquals(PurchaseOrderStatus.PARTIALLY_RECEIVED, order.getStatus());
        assertEquals(1, order.getLines().get(0).outstanding());
        assertEquals(6, order.getLines().get(1).outstanding());
        assertNull(order.getReceivedAt());
        order.receive("deliver", Map.of(101L, 1, 102L, 6));
        assertEquals(PurchaseOrderStatus.RECEIVED, order.getStatus());
        assertNotNull(order.getReceivedAt());
        assertEquals(
                List.of(4, 6),
                order.getLines().stream()
                        .map(PurchaseOrderLine::getReceivedQuantity)
                        .toList());
    }

    @Test
    void nothingIsReceivedBeyondWhatWasOrdered() {
        PurchaseOrder order = in(PurchaseOrderStatus.APPROVED);
        assertThrows(IllegalArgumentException.class, () -> order.receive("receive", Map.of(101L, 5)));
        assertThrows(IllegalArgumentException.class, () -> order.receive("receive", Map.of(101L, 0)));
        assertEquals(0, order.getLines().get(0).getReceivedQuantity());
        order.receive("receive", Map.of(101L, 4));
        assertThrows(IllegalArgumentException.class, () -> order.receive("receive", Map.of(101L, 1)));
        assertEquals(4, order.getLines().get(0).getReceivedQuantity());
    }

    @Test
    void aDecisionIsRecorded() {
        PurchaseOrder rejected = in(PurchaseOrderStatus.REJECTED);
        assertEquals("ada", rejected.getRejectedBy());
        assertEquals("too dear", rejected.getRejectionReason());
        assertNotNull(rejected.getRejectedAt());
        assertNull(rejected.getApprovedBy());
        PurchaseOrder approved = in(PurchaseOrderStatus.APPROVED);
        assertNotNull(approved.getApprovedAt());
        assertNull(approved.getRejectedBy());
        PurchaseOrder cancelled = in(PurchaseOrderStatus.CANCELLED);
        assertNotNull(cancelled.getCancelledAt());
    }

    @Test
    void theNumberNamesTheYearAndTheId() {
        PurchaseOrder order = twoLines();
        order.numbered(2026);
        assertEquals("PO-2026-000042", order.getPoNumber());
    }
}
