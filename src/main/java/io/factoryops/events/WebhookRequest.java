package io.factoryops.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as an admin writes it (create and replace). */
@Schema(
        example = "{\"url\": \"https://erp.example.com/hooks/factory\", \"event_types\": [\"order.placed\", "
                + "\"stock.low\"], \"description\": \"ERP sync\"}")
public record WebhookRequest(
        @Schema(description = "Where to POST: https; no private, loopback or link-local address unless allowed")
        @NotBlank
        @Size(max = 2000)
        String url,

        @Schema(description = "The event types to deliver (GET /api/events lists the names)")
        @NotNull
        @Size(min = 1, max = 20)
        List<@NotBlank @Size(max = 40) String> eventTypes,

        @Schema(nullable = true) @Size(max = 200) String description,

        @Schema(description = "Whether deliveries are sent (default true); true enables a disabled one again")
        Boolean active) {}
