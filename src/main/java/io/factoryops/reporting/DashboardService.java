package io.factoryops.reporting;

import io.factoryops.analytics.AnalyticsService;
import io.factoryops.analytics.InventoryFigures;
import io.factoryops.catalog.ProductService;
import io.factoryops.maintenance.ServiceTicketService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.procurement.PurchaseOrderService;
import io.factoryops.procurement.PurchaseOrderStatus;
import io.factoryops.reporting.DashboardResponses.Counts;
import io.factoryops.reporting.DashboardResponses.Inventory;
import io.factoryops.reporting.DashboardResponses.Metrics;
import io.factoryops.reporting.DashboardResponses.ServiceTickets;
import io.factoryops.reporting.DashboardResponses.Summary;
import io.factoryops.reporting.DashboardResponses.Today;
import io.factoryops.sales.CustomerService;
import io.factoryops.workforce.EmployeeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;

/**
 * The managers' dashboard: sales and production figures and the open orders come from the analytics
 * summaries (as of their last refresh); counts of master data, low stock and service tickets are live. Inventory: the
 * figures that read many parts (active, low and out-of-stock parts, stock value) and the month's spend are
 * precomputed with the analytics ({@link InventoryFigures}, as of their refresh); purchase orders by status
 * are live, each count an index range over the few rows it counts.
 *
 * <p>Each read is one transaction, so that all its queries share one pooled connection (a request
 * that held a connection per query could wait for the pool while holding it).
 */
@ApplicationScoped
@Transactional
public class DashboardService {

    @Inject
    AnalyticsService analytics;

    @Inject
    ProductService products;

    @Inject
    CustomerService customers;

    @Inject
    EmployeeService employees;

    @Inject
    InventoryFigures inventoryFigures;

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    ServiceTicketService tickets;

    public Summary summary() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsService.Sales sales = analytics.salesBetween(today, today);
        long[] productCounts = products.countAndLowStock();
        Counts counts =
                new Counts(productCounts[0], customers.count(), employees.activeCount(), analytics.ordersCounted());
        return new Summary(
                counts,
                new Today(
                        today, analytics.producedBetween(today, today), sales.orders(), sales.units(), sales.revenue()),
                analytics.openOrders(),
                productCounts[1],
                inventory(),
                new ServiceTickets(tickets.openCount(), tickets.completedOn(today)),
                analytics.asOf());
    }

    private Inventory inventory() {
        InventoryFigures.Snapshot figures = inventoryFigures.read();
        Map<PurchaseOrderStatus, Long> orders = purchaseOrders.countByStatus(EnumSet.of(
                PurchaseOrderStatus.PENDING, PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.PARTIALLY_RECEIVED));
        return new Inventory(
                figures.activeParts(),
                figures.stockValue(),
                figures.lowStockParts(),
                figures.outOfStockParts(),
                orders.get(PurchaseOrderStatus.APPROVED) + orders.get(PurchaseOrderStatus.PARTIALLY_RECEIVED),
                orders.get(PurchaseOrderStatus.PENDING),
                figures.spendThisMonth(),
                figures.asOf());
    }

    public Metrics metrics(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw ApiException.invalidParameter("date_from", "must not be after date_to");
        }
        if (ChronoUnit.DAYS.between(start, end) > 3660) {
            throw ApiException.invalidParameter("date_from", "the range may span at most 10 years");
        }
        AnalyticsService.Sales sales = analytics.salesBetween(start, end);
        long produced = analytics.producedBetween(start, end);
        long active = employees.activeCount();
        BigDecimal average = sales.orders() == 0
                ? BigDecimal.ZERO.setScale(2)
                : sales.revenue().divide(BigDecimal.valueOf(sales.orders()), 2, RoundingMode.HALF_UP);
        BigDecimal perEmployee = active == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(produced).divide(BigDecimal.valueOf(active), 2, RoundingMode.HALF_UP);
        return new Metrics(
                start,
                end,
                sales.revenue(),
                sales.orders(),
                sales.units(),
                produced,
                average,
                active,
                perEmployee,
                analytics.asOf());
    }
}
