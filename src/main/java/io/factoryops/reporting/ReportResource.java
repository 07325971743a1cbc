package io.factoryops.reporting;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import io.factoryops.reporting.export.ExportFormat;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/reports}: the managers' reports over a period (default this month), each a set of sections of
 * flat rows with {@code as_of}, and the monthly report runs the timer stores.
 */
@Path("reports")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    private static final String PERIOD = " Period: date_from, date_to (UTC days, inclusive; a missing one is the "
            + "current month's first or last day), at most " + ReportPeriod.MAX_DAYS + " days; date_from after date_to "
            + "or a longer period is 400 INVALID_PARAMETER.";

    @Inject
    ReportQueries queries;

    @Inject
    ReportRunService runs;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Path("inventory")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "getInventoryReport",
            summary = "Inventory report",
            description = PERIOD + " Sections: totals; by_category and by_location (stock value "
                    + "per node, not rolled up: a node's subtree is the rows whose path starts with its path); low_stock and "
                    + "out_of_stock (active parts, with suggested_quantity: the reorder quantity, or enough to reach twice "
                    + "the reorder level); movements (the period's ledger rows of parts by reason); slow_movers (active parts "
                    + "in stock with no movement in slow_days days). Stock figures are the stock now (as_of); movements the "
                    + "period's. Live, from indexed queries (the parts' status index, the ledger's time indexes).")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = InventoryReport.class)))
    public InventoryReport inventory(@BeanParam ReportParameters.Inventory parameters) {
        return queries.inventory(parameters);
    }

    @GET
    @Path("purchase-orders")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "getPurchaseOrderReport",
            summary = "Purchase-order report",
            description = PERIOD + " Sections: totals; by_status (every status, zeros included) "
                    + "and by_supplier (highest amount first) of the purchase orders created in the period; the period's "
                    + "approvals with their average hours from submission (in totals); overdue (approved or partially "
                    + "received, expected before today, whenever created; the longest overdue first). Live, from indexed "
                    + "queries (creation, approval, status × expected date).")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = PurchaseOrderReport.class)))
    public PurchaseOrderReport purchaseOrders(@BeanParam ReportParameters.PurchaseOrders parameters) {
        return queries.purchaseOrders(parameters);
    }

    @GET
    @Path("suppliers")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "getSupplierReport",
            summary = "Supplier report",
            description = PERIOD + " Per supplier with receipts, whole receptions or rejections "
                    + "in the period (highest spend first): spend (units received × the line's unit_cost), purchase orders "
                    + "received whole, on time (received on or before the expected date) and the on-time rate, the average "
                    + "lead time from approval to the last receipt against the promised lead_time_days, and rejections. "
                    + "Live, from indexed queries (receipts by time, purchase orders by reception and by rejection).")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = SupplierReport.class)))
    public SupplierReport suppliers(@BeanParam ReportParameters.Suppliers parameters) {
        return queries.suppliers(parameters);
    }

    @GET
    @Path("analytics")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "getAnalyticsReport",
            summary = "Sales and production report",
            description = PERIOD + " Sections: totals, sales per day, week (from Monday) or month "
                    + "(granularity, default day; buckets without sales left out) and production per product: from the "
                    + "analytics summaries, as of as_of; top_products (units sold, revenue before tax) and top_customers "
                    + "(order totals with tax) of the period's orders that are not cancelled: live, from the orders' date "
                    + "index.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = AnalyticsReport.class)))
    public AnalyticsReport analytics(@BeanParam ReportParameters.Analytics parameters) {
        return queries.analytics(parameters);
    }

    @GET
    @Path("runs")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Operation(
            operationId = "listReportRuns",
            summary = "List the stored report runs",
            description = "The monthly runs (the previous month's inventory and purchase-order "
                    + "reports, stored on the first day of each month); paged (default 20), filter kind, sort by created_at, "
                    + "period_start, id (default -created_at).")
    @APIResponse(
            responseCode = "200",
            description = "A page of runs",
            content = @Content(schema = @Schema(implementation = ReportRunResponse.class, type = SchemaType.ARRAY)))
    public Response listRuns(
            @QueryParam("kind")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"inventory", "purchase_orders"}))
                    String kind) {
        PageRequest page = PageRequest.from(uriInfo, 20, ReportRunService.SORTABLE, "-created_at,-id");
        return Paging.ok(
                runs.list(page, Params.optionalEnum("kind", kind, ReportKind.values(), ReportKind::value)), uriInfo);
    }

    @GET
    @Path("runs/{id}")
    @RolesAllowed(Permission.Names.REPORTS_READ)
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "downloadReportRun",
            summary = "Download a stored report run",
            description = "The report as it was computed for its month, as an attachment "
                    + "(Content-Disposition with a file name such as inventory-2026-10.csv). format=json (the default, the "
                    + "JSON of its report endpoint as stored), csv, xlsx or pdf (the stored report's sections, one table each, "
                    + "written as GET /api/export/reports/... writes them); format= wins over Accept, as for the exports; "
                    + "anything else is 406 NOT_ACCEPTABLE listing supported_formats.")
    @APIResponse(
            responseCode = "200",
            description = "The stored report in the format asked for",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(oneOf = {InventoryReport.class, PurchaseOrderReport.class})),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description =
                                                "format=csv: each section's rows with its header row, sections separated by "
                                                        + "an empty line")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description = "format=xlsx: a sheet per section, and an About sheet")),
                @Content(
                        mediaType = "application/pdf",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description = "format=pdf: title, period, a table per section, page numbers"))
            },
            headers =
                    @Header(
                            name = "Content-Disposition",
                            required = true,
                            description = "attachment; filename=\"<kind>-<YYYY-MM>.<format>\"",
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "406",
            description = "NOT_ACCEPTABLE: format= or Accept names none of json, csv, "
                    + "xlsx, pdf (supported_formats lists them)")
    public Response downloadRun(
            @PathParam("id") long id,
            @QueryParam("format")
                    @Parameter(
                            description = "json (default), csv, xlsx or pdf; wins over Accept",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"json", "csv", "xlsx", "pdf"}))
                    String format) {
        ReportRunService.Download file = runs.download(id, ExportFormat.of(format, headers.getAcceptableMediaTypes()));
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }

    @POST
    @Path("runs")
    @RolesAllowed(Permission.Names.REPORTS_RUN)
    @Operation(
            operationId = "runMonthlyReports",
            summary = "Store a month's report runs now",
            description = "Does what the monthly timer does on the first day of each month, for the "
                    + "month given (YYYY-MM, a month that has ended): stores its inventory and purchase-order report runs and "
                    + "notifies the managers (mailed with the reports attached when mail is configured). Idempotent: when the "
                    + "month's runs exist, nothing is stored or mailed (created: false). For a month the timer missed, and "
                    + "for tests.")
    @APIResponse(
            responseCode = "200",
            description = "The month's runs",
            content = @Content(schema = @Schema(implementation = ReportRunService.MonthlyRuns.class)))
    public ReportRunService.MonthlyRuns runMonthly(
            @QueryParam("month")
                    @Parameter(
                            required = true,
                            description = "YYYY-MM, before the current month",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
                    String month) {
        return runs.runMonthly(
                month(month), ReportTrigger.MANUAL, security.getUserPrincipal().getName());
    }

    private static YearMonth month(String value) {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        String v = value == null ? "" : value.trim();
        try {
            if (v.matches("[0-9]{4}-[0-9]{2}")) {
                YearMonth month = YearMonth.parse(v);
                if (month.isBefore(current) && !month.isBefore(YearMonth.of(1900, 1))) {
                    return month;
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.invalidParameter(
                "month", "is required: a month YYYY-MM from 1900-01 to " + current.minusMonths(1));
    }
}
