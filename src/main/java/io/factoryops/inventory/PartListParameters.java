package io.factoryops.inventory;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import io.factoryops.stock.StockStatus;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of {@code GET /api/inventory/items} and of its export,
 * {@code GET /api/export/inventory-items}. Not {@code q}: the list documents it before {@code after}, the
 * export among the filters, as they did before this class.
 */
public class PartListParameters extends ListParameters {

    @BeanParam
    PartPlace place;

    @QueryParam("status")
    @Parameter(
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"in_stock", "low_stock", "out_of_stock"}))
    String status;

    @QueryParam("supplier")
    @Parameter(
            description = "A supplier id: parts it supplies by preference",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String supplier;

    @QueryParam("updated_from")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String updatedFrom;

    @QueryParam("updated_to")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String updatedTo;

    @QueryParam("active")
    @Parameter(schema = @Schema(type = SchemaType.BOOLEAN))
    String active;

    public PartListParameters() {
        super(20, PartService.SORTABLE, "sku", PartService.SORTABLE);
    }

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public PartService.Filter filter() {
        return new PartService.Filter(
                place.category(),
                place.location(),
                Params.optionalEnum("status", status, StockStatus.values(), StockStatus::value),
                Params.optionalId("supplier", supplier),
                Params.optionalDate("updated_from", updatedFrom),
                Params.optionalDate("updated_to", updatedTo),
                Params.optionalBoolean("active", active));
    }
}
