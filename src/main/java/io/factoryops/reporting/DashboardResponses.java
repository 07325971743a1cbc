package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What the dashboard shows. */
public final class DashboardResponses {

    private DashboardResponses() {
    }

    public record Counts(long products, long customers, long activeEmployees, long orders) {
    }

    public record Today(LocalDate date, long unitsProduced, long orders, long unitsSold, BigDecimal revenue) {
    }

    public record Summary(Counts counts, Today today, long openOrders, long lowStockProducts, Instant asOf) {
    }

    public record Metrics(LocalDate dateFrom, LocalDate dateTo, BigDecimal revenue, long orders, long unitsSold,
                          long unitsProduced, BigDecimal averageOrderValue, long activeEmployees,
                          BigDecimal productionPerEmployee, Instant asOf) {
    }
}
