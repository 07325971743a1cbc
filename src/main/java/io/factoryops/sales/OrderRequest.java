package io.factoryops.sales;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {"customer_id","lines":[{"product_id","quantity"}]}}; the seed shape
 * {@code {"customer_id","product_id","quantity"}} is one line.
 */
@Schema(
        example = "{\"customer_id\": 1, \"lines\": [{\"product_id\": 1, "
                + "\"quantity\": 2}, {\"product_id\": 2, \"quantity\": 1}]}")
public record OrderRequest(
        @NotNull @Positive Long customerId,
        @Size(max = 100) List<@NotNull @Valid OrderLineRequest> lines,
        @Positive Long productId,
        @Min(1) @Max(1_000_000) Integer quantity) {

    /** A line of an order. */
    public record OrderLineRequest(
            @NotNull @Positive Long productId,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}
}
