package io.factoryops.reporting;

import io.factoryops.inventory.PartPlace;
import io.factoryops.platform.http.DateRange;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of each report as the client gave them ({@code @BeanParam}s), declared and documented
 * once for the report's endpoint ({@link ReportResource}) and its export ({@link ReportExportResource});
 * {@link ReportQueries} parses them, with the same 400s for both.
 */
public final class ReportParameters {

    private ReportParameters() {}

    /** The period every report takes. */
    public static class Period extends DateRange {}

    /** {@code GET /api/reports/inventory}. */
    public static class Inventory extends Period {
        @BeanParam
        PartPlace place;

        @QueryParam("slow_days")
        @Parameter(
                description = "Slow movers: no movement in this many days (default 90)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3650"))
        String slowDays;

        @QueryParam("limit")
        @Parameter(
                description = "Rows per list at most (default 100)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
        String limit;
    }

    /** The period and one supplier, for the reports about purchasing. */
    public static class BySupplier extends Period {
        @QueryParam("supplier")
        @Parameter(
                description = "A supplier id",
                schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
        String supplier;
    }

    /** {@code GET /api/reports/purchase-orders}. */
    public static class PurchaseOrders extends BySupplier {
        @QueryParam("limit")
        @Parameter(
                description = "Overdue rows at most (default 100)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
        String limit;
    }

    /** {@code GET /api/reports/suppliers}. */
    public static class Suppliers extends BySupplier {
        @QueryParam("limit")
        @Parameter(
                description = "Suppliers at most (default 100)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
        String limit;
    }

    /** {@code GET /api/reports/analytics}. */
    public static class Analytics extends Period {
        @QueryParam("granularity")
        @Parameter(
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"day", "week", "month"}))
        String granularity;

        @QueryParam("limit")
        @Parameter(
                description = "Rows of the top lists and of production at most (default 10)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
        String limit;
    }
}
