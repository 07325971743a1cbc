package io.factoryops.sales;

/**
 * Fired (synchronously, inside the transaction) when an order is placed ({@code from} null) or moves
 * to another status. Read models observe it, e.g. the count of open orders.
 */
public record OrderStatusChanged(long orderId, OrderStatus from, OrderStatus to) {

    /** +1 when the order became open (placed), -1 when it stopped being open, else 0. */
    public int openDelta() {
        return (to == OrderStatus.PLACED ? 1 : 0) - (from == OrderStatus.PLACED ? 1 : 0);
    }
}
