package io.factoryops.procurement;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/suppliers} and of its export, {@code GET /api/export/suppliers}. */
public class SupplierListParameters extends ListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in name, code, contact and email (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("active")
    @Parameter(
            description = "true: active suppliers only; false: deactivated ones only",
            schema = @Schema(type = SchemaType.STRING, maxLength = 5))
    String active;

    public SupplierListParameters() {
        super(20, SupplierService.SORTABLE, "name");
    }

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public SupplierService.Filter filter() {
        return new SupplierService.Filter(Params.optionalBoolean("active", active));
    }
}
