package io.factoryops.reporting;

import io.factoryops.identity.Role;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import io.factoryops.procurement.SupplierService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
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
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    private static final String PERIOD = " Period: date_from, date_to (UTC days, inclusive; a missing one is the "
            + "current month's first or last day), at most " + ReportPeriod.MAX_DAYS + " days; date_from after date_to "
            + "or a longer period is 400 INVALID_PARAMETER.";

    @Inject
    InventoryReportService inventory;

    @Inject
    PurchaseOrderReportService purchaseOrders;

    @Inject
    SupplierReportService suppliers;

    @Inject
    AnalyticsReportService analytics;

    @Inject
    ReportRunService runs;

    @Inject
    SupplierService supplierService;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @GET
    @Path("inventory")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "getInventoryReport", summary = "Inventory report",
            description = "Roles: manager." + PERIOD + " Sections: totals; by_category and by_location (stock value "
            + "per node, not rolled up: a node's subtree is the rows whose path starts with its path); low_stock and "
            + "out_of_stock (active parts, with suggested_quantity: the reorder quantity, or enough to reach twice "
            + "the reorder level); movements (the period's ledger rows of parts by reason); slow_movers (active parts "
            + "in stock with no movement in slow_days days). Stock figures are the stock now (as_of); movements the "
            + "period's. Live, from indexed queries (the parts' status index, the ledger's time indexes).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = InventoryReport.class)))
    public InventoryReport inventory(
            @QueryParam("date_from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateFrom,
            @QueryParam("date_to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateTo,
            @QueryParam("category") @Parameter(description = "A category id: parts in it or below it",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String category,
            @QueryParam("location") @Parameter(description = "A location id: parts in it or below it",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String location,
            @QueryParam("slow_days") @Parameter(description = "Slow movers: no movement in this many days "
                    + "(default 90)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3650"))
            String slowDays,
            @QueryParam("limit") @Parameter(description = "Rows per list at most (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        Long days = Params.optionalLong("slow_days", slowDays, 1, 3650);
        return inventory.report(period, new InventoryReportService.Filter(Params.optionalId("category", category),
                Params.optionalId("location", location), days == null ? 90 : days.intValue(),
                limit(limit, 100, 1000)));
    }

    @GET
    @Path("purchase-orders")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "getPurchaseOrderReport", summary = "Purchase-order report",
            description = "Roles: manager." + PERIOD + " Sections: totals; by_status (every status, zeros included) "
            + "and by_supplier (highest amount first) of the purchase orders created in the period; the period's "
            + "approvals with their average hours from submission (in totals); overdue (approved or partially "
            + "received, expected before today, whenever created; the longest overdue first). Live, from indexed "
            + "queries (creation, approval, status × expected date).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = PurchaseOrderReport.class)))
    public PurchaseOrderReport purchaseOrders(
            @QueryParam("date_from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateFrom,
            @QueryParam("date_to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateTo,
            @QueryParam("supplier") @Parameter(description = "A supplier id",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String supplier,
            @QueryParam("limit") @Parameter(description = "Overdue rows at most (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        return purchaseOrders.report(period, supplier(supplier), limit(limit, 100, 1000));
    }

    @GET
    @Path("suppliers")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "getSupplierReport", summary = "Supplier report",
            description = "Roles: manager." + PERIOD + " Per supplier with receipts, whole receptions or rejections "
            + "in the period (highest spend first): spend (units received × the line's unit_cost), purchase orders "
            + "received whole, on time (received on or before the expected date) and the on-time rate, the average "
            + "lead time from approval to the last receipt against the promised lead_time_days, and rejections. "
            + "Live, from indexed queries (receipts by time, purchase orders by reception and by rejection).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = SupplierReport.class)))
    public SupplierReport suppliers(
            @QueryParam("date_from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateFrom,
            @QueryParam("date_to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateTo,
            @QueryParam("supplier") @Parameter(description = "A supplier id",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String supplier,
            @QueryParam("limit") @Parameter(description = "Suppliers at most (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        return suppliers.report(period, supplier(supplier), limit(limit, 100, 1000));
    }

    @GET
    @Path("analytics")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "getAnalyticsReport", summary = "Sales and production report",
            description = "Roles: manager." + PERIOD + " Sections: totals, sales per day, week (from Monday) or month "
            + "(granularity, default day; buckets without sales left out) and production per product: from the "
            + "analytics summaries, as of as_of; top_products (units sold, revenue before tax) and top_customers "
            + "(order totals with tax) of the period's orders that are not cancelled: live, from the orders' date "
            + "index.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = AnalyticsReport.class)))
    public AnalyticsReport analytics(
            @QueryParam("date_from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateFrom,
            @QueryParam("date_to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
            String dateTo,
            @QueryParam("granularity") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"day", "week", "month"})) String granularity,
            @QueryParam("limit") @Parameter(description = "Rows of the top lists and of production at most "
                    + "(default 10)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            String limit) {
        ReportPeriod period = period(dateFrom, dateTo);
        Granularity g = Params.optionalEnum("granularity", granularity, Granularity.values(), Granularity::value);
        return analytics.report(period, g == null ? Granularity.DAY : g, limit(limit, 10, 100));
    }

    @GET
    @Path("runs")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "listReportRuns", summary = "List the stored report runs",
            description = "Roles: manager. The monthly runs (the previous month's inventory and purchase-order "
            + "reports, stored on the first day of each month); paged (default 20), filter kind, sort by created_at, "
            + "period_start, id (default -created_at).")
    @APIResponse(responseCode = "200", description = "A page of runs",
            content = @Content(schema = @Schema(implementation = ReportRunResponse.class, type = SchemaType.ARRAY)))
    public Response listRuns(
            @QueryParam("kind") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"inventory", "purchase_orders"})) String kind) {
        PageRequest page = PageRequest.from(uriInfo, 20, ReportRunService.SORTABLE, "-created_at,-id");
        return Paging.ok(runs.list(page, Params.optionalEnum("kind", kind, ReportKind.values(), ReportKind::value)),
                uriInfo);
    }

    @GET
    @Path("runs/{id}")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(operationId = "downloadReportRun", summary = "Download a stored report run",
            description = "Roles: manager. The report as it was computed (the JSON of its report endpoint for its "
            + "month), as an attachment (Content-Disposition with a file name such as inventory-2026-10.json). "
            + "format=json (default); csv, xlsx and pdf are not written yet: 406 NOT_ACCEPTABLE listing the "
            + "supported formats, as for any other format.")
    @APIResponse(responseCode = "200", description = "The stored report",
            content = @Content(schema = @Schema(oneOf = {InventoryReport.class, PurchaseOrderReport.class})),
            headers = @Header(name = "Content-Disposition", required = true,
                    description = "attachment; filename=\"<kind>-<YYYY-MM>.<format>\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: a format that is not supported (the problem "
            + "lists the supported ones)")
    public Response downloadRun(@PathParam("id") long id,
                                @QueryParam("format") @Parameter(description = "The file format (default json)",
                                        schema = @Schema(type = SchemaType.STRING, maxLength = 20)) String format) {
        ReportRunService.Download file = runs.download(id, ReportFormat.parse(format));
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    @POST
    @Path("runs")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "runMonthlyReports", summary = "Store a month's report runs now",
            description = "Roles: admin. Does what the monthly timer does on the first day of each month, for the "
            + "month given (YYYY-MM, a month that has ended): stores its inventory and purchase-order report runs and "
            + "notifies the managers (mailed with the reports attached when mail is configured). Idempotent: when the "
            + "month's runs exist, nothing is stored or mailed (created: false). For a month the timer missed, and "
            + "for tests.")
    @APIResponse(responseCode = "200", description = "The month's runs",
            content = @Content(schema = @Schema(implementation = ReportRunService.MonthlyRuns.class)))
    public ReportRunService.MonthlyRuns runMonthly(
            @QueryParam("month") @Parameter(required = true, description = "YYYY-MM, before the current month",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$")) String month) {
        return runs.runMonthly(month(month), ReportTrigger.MANUAL, security.getUserPrincipal().getName());
    }

    private static ReportPeriod period(String dateFrom, String dateTo) {
        LocalDate from = Params.optionalDate("date_from", dateFrom);
        LocalDate to = Params.optionalDate("date_to", dateTo);
        return ReportPeriod.of(from, to, LocalDate.now(ZoneOffset.UTC));
    }

    private static int limit(String value, int defaultLimit, int max) {
        Long limit = Params.optionalLong("limit", value, 1, max);
        return limit == null ? defaultLimit : limit.intValue();
    }

    private Long supplier(String value) {
        Long id = Params.optionalId("supplier", value);
        if (id != null && !supplierService.exists(id)) {
            throw ApiException.notFoundField("supplier", "Supplier", id);
        }
        return id;
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
        throw ApiException.invalidParameter("month", "is required: a month YYYY-MM from 1900-01 to "
                + current.minusMonths(1));
    }
}
