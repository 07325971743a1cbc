package io.factoryops.procurement;

import io.factoryops.platform.http.DateRange;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of {@code GET /api/purchase-orders} and of its export,
 * {@code GET /api/export/purchase-orders}. Not {@code q}: the list documents it before {@code after}, the
 * export among the filters, as they did before this class.
 */
public class PurchaseOrderListParameters extends ListParameters {

    @QueryParam("status")
    @Parameter(
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                "draft",
                                "pending",
                                "approved",
                                "rejected",
                                "partially_received",
                                "received",
                                "cancelled"
                            }))
    String status;

    @QueryParam("supplier_id")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String supplierId;

    @BeanParam
    DateRange dates;

    public PurchaseOrderListParameters() {
        super(20, PurchaseOrderService.SORTABLE, "-created_at", PurchaseOrderService.SORTABLE);
    }

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public PurchaseOrderService.Filter filter() {
        return new PurchaseOrderService.Filter(
                Params.optionalEnum("status", status, PurchaseOrderStatus.values(), PurchaseOrderStatus::value),
                Params.optionalId("supplier_id", supplierId),
                dates.from(),
                dates.to());
    }
}
