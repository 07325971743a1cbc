package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dashboard shows. */
public final class DashboardResponses {

    private DashboardResponses() {
    }

    public record Counts(long products, long customers, long activeEmployees, long orders) {
    }

    public record Today(LocalDate date, long unitsProduced, long orders, long unitsSold, BigDecimal revenue) {
    }

    public record Summary(Counts counts, Today today, long openOrders, long lowStockProducts, @Schema(nullable = true, description = "When the summaries were last computed; absent before the first refresh") Instant asOf) {
    }

    public record Metrics(LocalDate dateFrom, LocalDate dateTo, BigDecimal revenue, long orders, long unitsSold,
                          long unitsProduced, BigDecimal averageOrderValue, long activeEmployees,
                          BigDecimal productionPerEmployee, @Schema(nullable = true, description = "When the summaries were last computed; absent before the first refresh") Instant asOf) {
    }
}
