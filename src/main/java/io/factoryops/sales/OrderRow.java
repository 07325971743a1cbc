package io.factoryops.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as one flat row of an export: its customer and money, the units of its lines, no lines
 * (the export streams orders from one query; the lines are {@code GET /api/orders/{id}}).
 */
public record OrderRow(
        long id,
        String status,
        Instant orderDate,
        long customerId,
        String customerName,
        long units,
        BigDecimal subtotal,
        BigDecimal taxRate,
        BigDecimal tax,
        BigDecimal total,
        String createdBy) {

    static OrderRow of(SalesOrder o, String customerName) {
        return new OrderRow(
                o.getId(),
                o.getStatus().value(),
                o.getOrderDate(),
                o.getCustomerId(),
                customerName,
                o.getUnits(),
                o.getSubtotal(),
                o.getTaxRate().stripTrailingZeros(),
                o.getTax(),
                o.getTotal(),
                o.getCreatedBy());
    }
}
