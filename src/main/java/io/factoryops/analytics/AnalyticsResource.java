package io.factoryops.analytics;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/analytics}: read by managers from the precomputed summaries ({@code as_of} says when
 * they were computed); {@code POST /api/analytics/refresh} (admin) refreshes them now.
 */
@Path("analytics")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AnalyticsResource {

    private static final Set<String> RANKED = Set.of("rank");

    @Inject
    AnalyticsService analytics;

    @Inject
    AnalyticsRefresher refresher;

    @Inject
    InventoryFigures inventoryFigures;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("employee-performance")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getEmployeePerformance",
            summary = "Units produced per employee",
            description = "Highest first, paged.")
    @APIResponse(
            responseCode = "200",
            description = "{\"performance\":[…],\"as_of\",\"pagination\"}",
            content = @Content(schema = @Schema(implementation = AnalyticsResponses.EmployeePerformancePage.class)))
    public Response employeePerformance() {
        Page<AnalyticsResponses.EmployeePerformance> page = analytics.employeePerformance(page());
        return Paging.withLinks(
                Response.ok(new AnalyticsResponses.EmployeePerformancePage(
                        page.data(), analytics.asOf(), page.pagination())),
                page.pagination(),
                uriInfo);
    }

    @GET
    @Path("top-products")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getTopProducts",
            summary = "Best-selling products",
            description = "Units sold in orders that are not cancelled, highest first; limit 1..100 (default 10).")
    @APIResponse(
            responseCode = "200",
            description = "{\"products\":[…],\"as_of\"}",
            content = @Content(schema = @Schema(implementation = AnalyticsResponses.TopProducts.class)))
    public AnalyticsResponses.TopProducts topProducts(@QueryParam("limit") String limit) {
        Long n = Params.optionalLong("limit", limit, 1, 100);
        return new AnalyticsResponses.TopProducts(
                analytics.topProducts(n == null ? 10 : n.intValue()), analytics.asOf());
    }

    @GET
    @Path("customer-ltv")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getCustomerLifetimeValue",
            summary = "Customer lifetime value",
            description =
                    "Sum of the totals (tax included) "
                            + "of each customer's orders that are not cancelled, at least threshold (default 0), highest first, paged.")
    @APIResponse(
            responseCode = "200",
            description = "{\"customers\":[…],\"as_of\",\"pagination\"}",
            content = @Content(schema = @Schema(implementation = AnalyticsResponses.CustomerValuePage.class)))
    public Response customerLifetimeValue(@QueryParam("threshold") String threshold) {
        BigDecimal min =
                Params.optionalDecimal("threshold", threshold, BigDecimal.ZERO, AnalyticsService.MAX_LIFETIME_VALUE, 2);
        Page<AnalyticsResponses.CustomerValue> page =
                analytics.customerLifetimeValue(min == null ? BigDecimal.ZERO : min, page());
        return Paging.withLinks(
                Response.ok(new AnalyticsResponses.CustomerValuePage(page.data(), analytics.asOf(), page.pagination())),
                page.pagination(),
                uriInfo);
    }

    @GET
    @Path("production-efficiency")
    @RolesAllowed(Permission.Names.ANALYTICS_READ)
    @Operation(
            operationId = "getProductionEfficiency",
            summary = "Units produced per product on a day",
            description = "date=YYYY-MM-DD is required (400 otherwise). Highest first, paged.")
    @APIResponse(
            responseCode = "200",
            description = "{\"date\",\"efficiency\":[…],\"as_of\",\"pagination\"}",
            content = @Content(schema = @Schema(implementation = AnalyticsResponses.ProductionEfficiency.class)))
    public Response productionEfficiency(@QueryParam("date") String date) {
        LocalDate day = Params.optionalDate("date", date);
        if (day == null) {
            throw ApiException.invalidParameter("date", "is required, in the form YYYY-MM-DD");
        }
        Page<AnalyticsResponses.ProductOutput> page = analytics.productionOn(day, page());
        return Paging.withLinks(
                Response.ok(new AnalyticsResponses.ProductionEfficiency(
                        day, page.data(), analytics.asOf(), page.pagination())),
                page.pagination(),
                uriInfo);
    }

    @POST
    @Path("refresh")
    @RolesAllowed(Permission.Names.ANALYTICS_REFRESH)
    @Operation(
            operationId = "refreshAnalytics",
            summary = "Refresh the summaries now",
            description = "Returns when done; full=true "
                    + "recomputes everything from the business tables instead of absorbing the pending changes. The "
                    + "dashboard's precomputed inventory figures are recomputed too (after the summaries).")
    @APIResponse(
            responseCode = "200",
            description = "What the refresh did",
            content = @Content(schema = @Schema(implementation = AnalyticsResponses.Refresh.class)))
    public AnalyticsResponses.Refresh refresh(@QueryParam("full") String full) {
        boolean rebuild = Boolean.TRUE.equals(Params.optionalBoolean("full", full));
        AnalyticsRefresher.Result result = rebuild ? refresher.rebuild() : refresher.refresh();
        inventoryFigures.refresh();
        return new AnalyticsResponses.Refresh(
                result.mode(), result.refreshedAt(), result.durationMs(), result.rowsProcessed());
    }

    private PageRequest page() {
        return PageRequest.from(uriInfo, 20, RANKED, "rank");
    }
}
