package io.factoryops.reporting;

import io.factoryops.identity.Permission;
import io.factoryops.platform.http.Params;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/dashboard}: what managers read every morning. */
@Path("dashboard")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @GET
    @Path("summary")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getDashboardSummary",
            summary = "Today at a glance",
            description = "Counts, today's production and "
                    + "sales and open orders (from the analytics summaries: see as_of), low-stock products; inventory: "
                    + "live open purchase orders (approved or partially_received) and those awaiting approval (pending); "
                    + "as of inventory.as_of (the analytics refresh): active parts, low and out-of-stock active parts, "
                    + "stock_value (Σ quantity × unit_cost) and spend_this_month (value received this calendar month, "
                    + "UTC: units received × the purchase-order line's unit_cost); service tickets open or in progress "
                    + "and completed today (live).")
    public DashboardResponses.Summary summary() {
        return dashboard.summary();
    }

    @GET
    @Path("metrics")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getDashboardMetrics",
            summary = "KPIs over a period",
            description = "date_from, date_to (inclusive, "
                    + "default the last 30 days): revenue (order totals incl. tax, cancelled orders excluded), orders, units "
                    + "sold, units produced, average order value, units produced per active employee.")
    public DashboardResponses.Metrics metrics(
            @QueryParam("date_from") String dateFrom, @QueryParam("date_to") String dateTo) {
        return dashboard.metrics(Params.optionalDate("date_from", dateFrom), Params.optionalDate("date_to", dateTo));
    }
}
