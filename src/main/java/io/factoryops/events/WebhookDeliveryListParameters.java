package io.factoryops.events;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/webhooks/{id}/deliveries}: newest first, keyset by id. */
public class WebhookDeliveryListParameters extends ListParameters {

    @QueryParam("status")
    @Parameter(
            description = "Only deliveries in this status",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"pending", "delivered", "failed"}))
    String status;

    public WebhookDeliveryListParameters() {
        super(20, WebhookService.DELIVERY_SORTABLE, "-id", WebhookService.DELIVERY_SORTABLE);
    }

    DeliveryStatus status() {
        return Params.optionalEnum(
                "status",
                status == null ? null : status.toUpperCase(Locale.ROOT),
                DeliveryStatus.values(),
                DeliveryStatus::name);
    }
}
