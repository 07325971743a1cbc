package io.factoryops.maintenance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Parts to fit on a ticket: a part ({@code /api/inventory/items} id) and how many, taken from stock. */
@Schema(example = "{\"item_id\": 1, \"quantity\": 2}")
public record TicketPartRequest(
        @NotNull @Positive Long itemId,
        @NotNull @Positive @Max(100_000) Integer quantity) {}
