package io.factoryops.inventory;

import io.factoryops.platform.http.Params;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code category} and {@code location} as the client gave them: the parts in a category and in a location,
 * each with its sub-tree. A {@code @BeanParam} field of the part list ({@link PartListParameters}) and of the
 * inventory report, declared and documented once; each is checked when read: 400 naming it.
 */
public class PartPlace {

    @QueryParam("category")
    @Parameter(
            description = "A category id: parts in it or below it",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String category;

    @QueryParam("location")
    @Parameter(
            description = "A location id: parts in it or below it",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
    String location;

    /** The category id, or null when not given. */
    public Long category() {
        return Params.optionalId("category", category);
    }

    /** The location id, or null when not given. */
    public Long location() {
        return Params.optionalId("location", location);
    }
}
