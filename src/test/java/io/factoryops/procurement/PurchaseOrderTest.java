package io.factoryops.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.InvalidTransitionException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void fourEyesComeBeforeTheStatus() {
        PurchaseOrder order = draft("maria");
        // the editor of a draft learns that it may never decide on it, not merely that it is a draft
        assertThrows(SelfApprovalException.class, () -> order.approve("maria"));
    }
}
