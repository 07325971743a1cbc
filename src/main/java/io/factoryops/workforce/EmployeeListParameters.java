package io.factoryops.workforce;

import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/employees} and of its export, {@code GET /api/export/employees}. */
public class EmployeeListParameters extends ListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in name, email and position (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    @QueryParam("department")
    @Parameter(description = "exact department, case-insensitive")
    String department;

    @QueryParam("active")
    @Parameter(description = "true or false")
    String active;

    public EmployeeListParameters() {
        super(20, EmployeeService.SORTABLE, "id");
    }

    /** The filters besides {@code q}, checked: 400 naming a bad one. */
    public EmployeeService.Filter filter() {
        return new EmployeeService.Filter(
                Params.optionalText("department", department), Params.optionalBoolean("active", active));
    }
}
