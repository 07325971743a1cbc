package io.factoryops.sales;

import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/customers} and of its export, {@code GET /api/export/customers}. */
public class CustomerListParameters extends ListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in name, email and phone (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    public CustomerListParameters() {
        super(20, CustomerService.SORTABLE, "name");
    }
}
