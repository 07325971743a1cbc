package io.factoryops.sales;

import io.factoryops.platform.http.DateRange;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/orders} and of its export, {@code GET /api/export/orders}. */
public class OrderListParameters extends ListParameters {

    @QueryParam("status")
    @Parameter(
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"placed", "shipped", "completed", "cancelled"}))
    String status;

    @QueryParam("customer_id")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String customerId;

    @BeanParam
    DateRange dates;

    public OrderListParameters() {
        super(10, OrderService.SORTABLE, "-order_date", OrderService.SORTABLE);
    }

    /** The filters, checked: 400 naming a bad one. */
    public OrderService.Filter filter() {
        return new OrderService.Filter(
                Params.optionalText("status", status),
                Params.optionalId("customer_id", customerId),
                dates.from(),
                dates.to());
    }
}
