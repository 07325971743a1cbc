package io.factoryops.reporting;

import static io.factoryops.analytics.AnalyticsResponses.AS_OF;

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

    public record Today(LocalDate date, long unitsProduced, long orders, long unitsSold,
                        @Schema(multipleOf = 0.01) BigDecimal revenue) {
    }

    /** Service tickets now: open or in progress, and completed today (UTC); live, not from the summaries. */
    public record ServiceTickets(long open, long completedToday) {
    }

    public record Summary(Counts counts, Today today, long openOrders, long lowStockProducts,
                          ServiceTickets serviceTickets,
                          @Schema(nullable = true, description = AS_OF) Instant asOf) {
    }

    public record Metrics(LocalDate dateFrom, LocalDate dateTo, @Schema(multipleOf = 0.01) BigDecimal revenue, long orders,
                          long unitsSold, long unitsProduced, @Schema(multipleOf = 0.01) BigDecimal averageOrderValue,
                          long activeEmployees, @Schema(multipleOf = 0.01) BigDecimal productionPerEmployee,
                          @Schema(nullable = true, description = AS_OF) Instant asOf) {
    }
}
