package io.factoryops.reporting;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.reporting.export.ExportFormat;
import io.factoryops.reporting.export.Exporter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/export/reports/{report}}: a live report as a file, written by the export writers (one table per
 * section, {@link ReportDocument}), in the format {@link ExportFormat} chooses as for every export. The report's
 * parameters are parsed as its endpoint parses them ({@link ReportQueries}), with the same 400s; the report is
 * computed before the first byte (a report is bounded by its limits), then written. A PDF holds at most
 * {@code factory.export.pdf-max-rows} rows in all its sections, as every PDF export. As every export, it takes
 * a slot of the export limits and is audited ({@link Exporter#stream}).
 */
@Path("export/reports")
@ApplicationScoped
@DenyAll
@Tag(name = "Exports")
public class ReportExportResource {

    /** The reports there are, for the 404 of an unknown one. */
    static final List<String> REPORTS = List.of("inventory", "purchase-orders", "suppliers", "analytics");

    @Inject
    ReportQueries queries;

    @Inject
    Exporter exporter;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Path("inventory")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "exportInventoryReport",
            summary = "Export the inventory report",
            description = "The parameters of GET /api/reports/inventory; one table per section.")
    public Response inventory(@BeanParam ReportParameters.Inventory parameters) {
        return answer("inventory", "Inventory report", () -> queries.inventory(parameters));
    }

    @GET
    @Path("purchase-orders")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "exportPurchaseOrderReport",
            summary = "Export the purchase-order report",
            description = "The parameters of GET /api/reports/purchase-orders; one table per section.")
    public Response purchaseOrders(@BeanParam ReportParameters.PurchaseOrders parameters) {
        return answer("purchase-orders", "Purchase-order report", () -> queries.purchaseOrders(parameters));
    }

    @GET
    @Path("suppliers")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "exportSupplierReport",
            summary = "Export the supplier report",
            description = "The parameters of GET /api/reports/suppliers; one table per section.")
    public Response suppliers(@BeanParam ReportParameters.Suppliers parameters) {
        return answer("suppliers", "Supplier report", () -> queries.suppliers(parameters));
    }

    @GET
    @Path("analytics")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "exportAnalyticsReport",
            summary = "Export the sales and production report",
            description = "The parameters of GET /api/reports/analytics; one table per section.")
    public Response analytics(@BeanParam ReportParameters.Analytics parameters) {
        return answer("analytics", "Sales and production report", () -> queries.analytics(parameters));
    }

    /** Not a report: 404 naming the reports there are (not documented: no such operation). */
    @GET
    @Path("{report}")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(hidden = true)
    public Response unknown(@PathParam("report") String report) {
        throw new ApiException(
                ErrorCode.NOT_FOUND,
                "There is no report '" + report + "'; the reports are " + String.join(", ", REPORTS));
    }

    /**
     * The format first (406 before the report is computed), then the report (its 400s), then the file:
     * {@code <report>-report-<today, UTC>.<format>}.
     */
    private Response answer(String name, String title, Supplier<Report> compute) {
        ExportFormat format = Exporter.format(uriInfo, headers);
        Report report = compute.get();
        long rows = report.sections().values().stream()
                .mapToLong(r -> r == null ? 0 : r.size())
                .sum();
        exporter.limitPdf(format, () -> rows);
        Map<String, String> filters = Exporter.filters(uriInfo, parameter -> parameter.startsWith("date_"));
        return exporter.stream(
                "reports/" + name,
                name + "-report-" + LocalDate.now(ZoneOffset.UTC) + "." + format.value(),
                format,
                filters,
                (out, guard) -> {
                    ReportDocument.write(report, title, filters, format, out);
                    return rows;
                });
    }
}
