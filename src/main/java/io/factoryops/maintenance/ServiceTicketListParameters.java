package io.factoryops.maintenance;

import io.factoryops.platform.http.DateRange;
import io.factoryops.platform.http.Params;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/service-tickets}, the staff's list of tickets. */
public class ServiceTicketListParameters extends TicketListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in description, VIN, serial, make and model (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("customer_id")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String customerId;

    @QueryParam("mechanic_id")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String mechanicId;

    /** The service date, inclusive. */
    @BeanParam
    DateRange dates;

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public ServiceTicketService.Filter filter() {
        return new ServiceTicketService.Filter(
                status(),
                Params.optionalId("customer_id", customerId),
                Params.optionalId("mechanic_id", mechanicId),
                dates.from(),
                dates.to());
    }
}
