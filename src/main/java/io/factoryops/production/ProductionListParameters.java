package io.factoryops.production;

import io.factoryops.platform.http.DateRange;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/** The query parameters of {@code GET /api/production} and of its export, {@code GET /api/export/production}. */
public class ProductionListParameters extends ListParameters {

    @QueryParam("employee_id")
    String employeeId;

    @QueryParam("product_id")
    String productId;

    @BeanParam
    DateRange dates;

    public ProductionListParameters() {
        super(20, ProductionService.SORTABLE, "-production_date");
    }

    /** The filters, checked: 400 naming a bad one. */
    public ProductionService.Filter filter() {
        return new ProductionService.Filter(
                Params.optionalId("employee_id", employeeId),
                Params.optionalId("product_id", productId),
                dates.from(),
                dates.to());
    }
}
