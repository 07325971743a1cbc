package io.factoryops.catalog;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/products} and of its export, {@code GET /api/export/products}. */
public class ProductListParameters extends ListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in sku and name (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("category")
    String category;

    @QueryParam("low_stock")
    String lowStock;

    @QueryParam("min_price")
    String minPrice;

    @QueryParam("max_price")
    String maxPrice;

    public ProductListParameters() {
        super(10, ProductService.SORTABLE, "id");
    }

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public ProductService.Filter filter() {
        return new ProductService.Filter(
                Params.optionalText("category", category),
                Params.optionalBoolean("low_stock", lowStock),
                Params.optionalDecimal("min_price", minPrice, BigDecimal.ZERO, Product.MAX_PRICE, 2),
                Params.optionalDecimal("max_price", maxPrice, BigDecimal.ZERO, Product.MAX_PRICE, 2));
    }
}
