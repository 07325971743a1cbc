package io.factoryops.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's whole bill of materials: the parts one unit takes; an empty list removes it. */
@Schema(example = "{\"lines\": [{\"part_id\": 1, \"quantity\": 2}, {\"part_id\": 2, \"quantity\": 8}]}")
public record BomRequest(@NotNull @Size(max = 100) List<@NotNull @Valid Line> lines) {

    /** One part and how many units of it one unit of the product takes. */
    public record Line(
            @NotNull @Positive Long partId,
            @NotNull @Positive @Max(1_000_000) Integer quantity) {}
}
