package io.factoryops.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Fired (synchronously, inside the transaction) when an order starts or stops counting for sales
 * figures: {@code sign} +1 when placed, -1 when cancelled. Read models observe it.
 */
public record OrderCounted(
        long orderId, long customerId, Instant orderDate, BigDecimal total, List<Line> lines, int sign) {

    /** A line's product, quantity and total. */
    public record Line(long productId, int quantity, BigDecimal lineTotal) {}

    static OrderCounted of(SalesOrder order, int sign) {
        return new OrderCounted(
                order.getId(),
                order.getCustomer().getId(),
                order.getOrderDate(),
                order.getTotal(),
                order.getLines().stream()
                        .map(l -> new Line(l.getProductId(), l.getQuantity(), l.getLineTotal()))
                        .toList(),
                sign);
    }
}
