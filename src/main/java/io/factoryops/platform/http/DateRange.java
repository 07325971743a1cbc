package io.factoryops.platform.http;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code date_from} and {@code date_to} as the client gave them, documented as dates: a {@code @BeanParam}
 * (or a field of one) for every list or report that takes a range of days. Each is checked when read: 400
 * {@code INVALID_PARAMETER} naming it.
 */
public class DateRange {

    @QueryParam("date_from")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String dateFrom;

    @QueryParam("date_to")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String dateTo;

    /** {@code date_from}, or null when not given. */
    public LocalDate from() {
        return Params.optionalDate("date_from", dateFrom);
    }

    /** {@code date_to}, or null when not given. */
    public LocalDate to() {
        return Params.optionalDate("date_to", dateTo);
    }
}
