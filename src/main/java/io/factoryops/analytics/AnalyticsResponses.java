package io.factoryops.analytics;

import io.factoryops.maintenance.MechanicRanking;
import io.factoryops.platform.paging.Pagination;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The analytics shapes of the design, each with {@code as_of}: when the summaries were computed. */
public final class AnalyticsResponses {

    /** The {@code as_of} of every answer read from the summaries. */
    public static final String AS_OF = MechanicRanking.AS_OF;

    private AnalyticsResponses() {}

    public record EmployeePerformance(long employeeId, String employeeName, long totalQuantity) {}

    public record EmployeePerformancePage(
            List<EmployeePerformance> performance,
            @Schema(nullable = true, description = AS_OF) Instant asOf,
            Pagination pagination) {}

    public record TopProduct(long productId, String productName, long totalQuantity) {}

    public record TopProducts(
            List<TopProduct> products,
            @Schema(nullable = true, description = AS_OF) Instant asOf) {}

    public record CustomerValue(
            long customerId,
            String customerName,
            @Schema(multipleOf = 0.01) BigDecimal totalValue) {}

    public record CustomerValuePage(
            List<CustomerValue> customers,
            @Schema(nullable = true, description = AS_OF) Instant asOf,
            Pagination pagination) {}

    public record ProductOutput(long productId, String productName, long totalProduced) {}

    public record ProductionEfficiency(
            LocalDate date,
            List<ProductOutput> efficiency,
            @Schema(nullable = true, description = AS_OF) Instant asOf,
            Pagination pagination) {}

    public record Refresh(String mode, Instant refreshedAt, long durationMs, long rowsProcessed) {}
}
