package io.factoryops.identity;

import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/api-clients}. */
public class ApiClientListParameters extends ListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Text contained in name and client id (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    String q;

    public ApiClientListParameters() {
        super(20, ApiClientService.SORTABLE, "name");
    }
}
