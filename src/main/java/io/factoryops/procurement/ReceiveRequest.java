package io.factoryops.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery: per purchase-order line, the units received (never more than outstanding). */
@Schema(example = "{\"lines\": [{\"line_id\": 1, \"quantity\": 60}]}")
public record ReceiveRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    /** A line of the purchase order and the units of it that arrived. */
    public record Line(
            @NotNull @Positive Long lineId,
            @NotNull @Positive @Max(1_000_000) Integer quantity) {}
}
