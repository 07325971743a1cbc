package io.factoryops.sales;

import io.factoryops.platform.http.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order with its customer, lines, money and the transitions it allows. */
public record OrderResponse(
        Long id,

        @Schema(enumeration = {"placed", "shipped", "completed", "cancelled"})
        String status,

        Instant orderDate,
        CustomerResponse customer,
        List<Line> lines,
        @Schema(multipleOf = 0.01) BigDecimal subtotal,
        @Schema(multipleOf = 0.0001) BigDecimal taxRate,
        @Schema(multipleOf = 0.01) BigDecimal tax,
        @Schema(multipleOf = 0.01) BigDecimal total,

        @Schema(description = "The POST /api/orders/{id}/… transitions allowed now, of ship, complete, cancel")
        List<String> allowedTransitions,

        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    /** A line, with the product's name and its stock now. */
    public record Line(
            int lineNo,
            long productId,
            String productName,
            int quantity,
            @Schema(multipleOf = 0.01) BigDecimal unitPrice,
            @Schema(multipleOf = 0.01) BigDecimal lineTotal,
            int remainingStock) {}
}
