package io.factoryops.maintenance;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every list of service tickets: its paging and {@code status}. The customer's own
 * list ({@code GET /api/customers/my-tickets}) takes these; the staff's list takes more
 * ({@link ServiceTicketListParameters}).
 */
public class TicketListParameters extends ListParameters {

    @QueryParam("status")
    @Parameter(
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"open", "in_progress", "completed", "cancelled"}))
    String status;

    public TicketListParameters() {
        super(20, ServiceTicketService.SORTABLE, "-created_at");
    }

    /** The status asked for, or null for any: 400 naming a bad one. */
    public TicketStatus status() {
        return Params.optionalEnum("status", status, TicketStatus.values(), TicketStatus::value);
    }
}
