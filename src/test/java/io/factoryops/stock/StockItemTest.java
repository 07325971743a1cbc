package io.factoryops.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.db.Persisted;
import io.factoryops.platform.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stock item's invariants without a server: never below zero nor past an INT, a failed move leaves it as it
 * was, its status follows its quantity, and a move says when a dip to the reorder level starts (once per dip).
 */
class StockItemTest {

    /** A part with {@code quantity} units and reorder level 5, owned by part 7. */
    private static StockItem part(int quantity) {
        StockItem item = Persisted.withId(new StockItem(StockItemKind.PART, "P-1", "Bolt", quantity, 5), 70);
        item.ownedBy(7);
        return item;
    }

    @Test
    void aNewItemHoldsItsStockAndCountsAsAlertedAtOrBelowItsLevel() {
        StockItem item = new StockItem(StockItemKind.PRODUCT, "S-1", "Gear", 10, 5);
        assertEquals(10, item.getQuantity());
        assertEquals(StockStatus.IN_STOCK, item.getStatus());
        assertTrue(item.isActive());
        StockItem low = new StockItem(StockItemKind.PRODUCT, "S-2", "Gear", 5, 5);
        assertEquals(StockStatus.LOW_STOCK, low.getStatus());
        assertFalse(low.take(1), "whoever created it at its level knows: no alert");
        assertThrows(IllegalArgumentException.class, () -> new StockItem(StockItemKind.PART, "S", "n", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new StockItem(StockItemKind.PART, "S", "n", 0, -1));
    }

    @Test
    void takingMoreThanItHoldsFailsAndTakesNothing() {
        StockItem item = part(3);
        InsufficientStockException e = assertThrows(InsufficientStockException.class, () -> item.take(4));
        assertEquals(ErrorCode.INSUFFICIENT_STOCK, e.code());
        assertEquals(List.of(new StockShortage(70, StockItemKind.PART, 7, "P-1", "Bolt", 4, 3)), e.shortages());
        assertEquals(3, item.getQuantity(), "nothing was taken");
        assertEquals("Insufficient stock for part 7 (Bolt): requested 4, available 3", e.getMessage());
        assertEquals(4, e.details().get("requested"));
        assertEquals(7L, e.details().get("item_id"));
    }

    @Test
    void takingAllLeavesZeroAndOutOfStock() {
        StockItem item = part(3);
        item.take(3);
        assertEquals(0, item.getQuantity());
        assertEquals(StockStatus.OUT_OF_STOCK, item.getStatus());
        assertThrows(InsufficientStockException.class, () -> item.take(1));
        assertEquals(0, item.getQuantity());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-2147483648"})
    void onlyPositiveUnitsMove(int units) {
        StockItem item = part(10);
        assertThrows(IllegalArgumentException.class, () -> item.take(units));
        assertThrows(IllegalArgumentException.class, () -> item.add(units, StockReason.RECEIPT));
        assertEquals(10, item.getQuantity());
    }

    @Test
    void addingPastAnIntFailsAndAddsNothing() {
        StockItem item = part(Integer.MAX_VALUE - 1);
        assertFalse(item.add(1, StockReason.RECEIPT));
        assertEquals(Integer.MAX_VALUE, item.getQuantity());
        StockLimitExceededException e =
                assertThrows(StockLimitExceededException.class, () -> item.add(1, StockReason.RECEIPT));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(Integer.MAX_VALUE, item.getQuantity(), "nothing was added");
        StockItem big = part(1);
        assertThrows(StockLimitExceededException.class, () -> big.add(Integer.MAX_VALUE, StockReason.COUNT));
        assertEquals(1, big.getQuantity());
    }

    @Test
    void aTakeSaysOnceWhenADipToTheReorderLevelStarts() {
        StockItem item = part(8); // level 5
        assertFalse(item.take(2), "6 is above the level");
        assertEquals(StockStatus.IN_STOCK, item.getStatus());
        assertTrue(item.take(1), "5 is at the level: the dip starts");
        assertEquals(StockStatus.LOW_STOCK, item.getStatus());
        assertFalse(item.take(1), "the same dip: alerted already");
        assertFalse(item.take(4), "out of stock is still the same dip");
        assertEquals(StockStatus.OUT_OF_STOCK, item.getStatus());
    }

    @Test
    void stockReceivedAboveTheLevelEndsTheDip() {
        StockItem item = part(6);
        assertTrue(item.take(1));
        assertFalse(item.add(10, StockReason.RECEIPT), "an addition never starts a dip");
        assertEquals(StockStatus.IN_STOCK, item.getStatus());
        assertTrue(item.take(10), "a new dip, a new alert");
    }

    @ParameterizedTest
    @EnumSource(
            value = StockReason.class,
            names = {"ORDER_CANCELLED", "ORDER_CHANGED", "PRODUCTION_CONSUMPTION", "SERVICE_TICKET_RETURNED"})
    void unitsGivenBackDoNotEndTheDip(StockReason givenBack) {
        assertTrue(givenBack.givesBack());
        StockItem item = part(6);
        assertTrue(item.take(4));
        assertFalse(item.add(4, givenBack));
        assertEquals(StockStatus.IN_STOCK, item.getStatus(), "the status follows the quantity");
        assertFalse(item.take(4), "the same units taken again raise no second alert");
    }

    @Test
    void otherReasonsAreNotGivingBack() {
        for (StockReason reason : StockReason.values()) {
            boolean expected = List.of(
                            StockReason.ORDER_CANCELLED,
                            StockReason.ORDER_CHANGED,
                            StockReason.PRODUCTION_CONSUMPTION,
                            StockReason.SERVICE_TICKET_RETURNED)
                    .contains(reason);
            assertEquals(expected, reason.givesBack(), reason::name);
        }
    }

    @Test
    void aNewReorderLevelMayStartOrEndADip() {
        StockItem item = part(8);
        assertTrue(item.reorderAt(8), "raised to the quantity: the dip starts");
        assertEquals(8, item.getReorderLevel());
        assertEquals(StockStatus.LOW_STOCK, item.getStatus());
        assertFalse(item.reorderAt(9), "still the same dip");
        assertFalse(item.reorderAt(2), "lowered below the quantity: the dip ends");
        assertEquals(StockStatus.IN_STOCK, item.getStatus());
        assertTrue(item.take(6), "so the next dip alerts again");
        assertThrows(IllegalArgumentException.class, () -> item.reorderAt(-1));
        assertEquals(2, item.getReorderLevel());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0, OUT_OF_STOCK",
        "0, 5, OUT_OF_STOCK",
        "1, 0, IN_STOCK",
        "5, 5, LOW_STOCK",
        "4, 5, LOW_STOCK",
        "6, 5, IN_STOCK"
    })
    void theStatusFollowsQuantityAndLevel(int quantity, int level, StockStatus status) {
        assertEquals(status, StockStatus.of(quantity, level));
        assertEquals(status, new StockItem(StockItemKind.PART, "S", "n", quantity, level).getStatus());
    }

    @Test
    void anItemBelongsToOneOwner() {
        StockItem item = part(1);
        item.ownedBy(7);
        assertThrows(IllegalStateException.class, () -> item.ownedBy(8));
        assertEquals(7L, item.getOwnerId());
        StockItem unowned = Persisted.withId(new StockItem(StockItemKind.PART, "S", "n", 0, 0), 71);
        assertEquals(0, unowned.shortage(1).ownerId(), "no owner yet");
    }
}
