package io.factoryops.reporting;

import static io.factoryops.platform.db.SqlReads.money;

import io.factoryops.procurement.PurchaseOrderFacts;
import io.factoryops.reporting.SupplierReport.SupplierPerformance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The supplier report, live from procurement's indexed reads over the period ({@link PurchaseOrderFacts}): its
 * receipts (ix_purchase_order_receipts_received) with their ledger rows, the purchase orders received whole
 * (ix_purchase_orders_received, V19) and rejected (ix_purchase_orders_rejected, V19), then the suppliers
 * concerned by primary key.
 */
@ApplicationScoped
@Transactional
public class SupplierReportService {

    @Inject
    PurchaseOrderFacts orders;

    /** What one supplier did in the period, summed up as the rows are read. */
    private static final class Activity {
        BigDecimal spend = money(null);
        long received;
        long onTime;
        long withExpectedDate;
        long leadTimeMillis;
        long withLeadTime;
        long rejected;
    }

    public SupplierReport report(ReportPeriod period, Long supplier, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<Long, Activity> activity = new HashMap<>();
        for (PurchaseOrderFacts.SupplierTotal t :
                orders.receivedValuePerSupplier(period.start(), period.end(), supplier)) {
            activity.computeIfAbsent(t.supplierId(), k -> new Activity()).spend = money(t.amount());
        }
        for (PurchaseOrderFacts.Received r : orders.receivedWhole(period.start(), period.end(), supplier)) {
            Activity a = activity.computeIfAbsent(r.supplierId(), k -> new Activity());
            a.received++;
            if (r.expectedDate() != null) {
                a.withExpectedDate++;
                if (!LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC).isAfter(r.expectedDate())) {
                    a.onTime++;
                }
            }
            if (r.approvedAt() != null) {
                a.withLeadTime++;
                a.leadTimeMillis +=
                        Duration.between(r.approvedAt(), r.receivedAt()).toMillis();
            }
        }
        for (PurchaseOrderFacts.SupplierTotal t : orders.rejectedPerSupplier(period.start(), period.end(), supplier)) {
            activity.computeIfAbsent(t.supplierId(), k -> new Activity()).rejected = t.orders();
        }

        List<SupplierPerformance> rows = new ArrayList<>();
        for (PurchaseOrderFacts.SupplierTerms s : orders.suppliers(activity.keySet())) {
            rows.add(performance(s.id(), s.code(), s.name(), s.leadTimeDays(), activity.get(s.id())));
        }
        rows.sort(Comparator.comparing(SupplierPerformance::spend)
                .reversed()
                .thenComparing(SupplierPerformance::supplierId));
        return new SupplierReport(
                period.from(),
                period.to(),
                now,
                supplier,
                limit,
                rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows);
    }

    private static SupplierPerformance performance(long id, String code, String name, Integer promised, Activity a) {
        BigDecimal rate = a.withExpectedDate == 0
                ? null
                : BigDecimal.valueOf(a.onTime).divide(BigDecimal.valueOf(a.withExpectedDate), 4, RoundingMode.HALF_UP);
        BigDecimal leadTime = a.withLeadTime == 0
                ? null
                : BigDecimal.valueOf(a.leadTimeMillis)
                        .divide(BigDecimal.valueOf(a.withLeadTime * 86_400_000L), 2, RoundingMode.HALF_UP);
        BigDecimal variance = leadTime == null || promised == null
                ? null
                : leadTime.subtract(BigDecimal.valueOf(promised)).setScale(2, RoundingMode.HALF_UP);
        return new SupplierPerformance(
                id,
                code,
                name,
                promised,
                a.spend,
                a.received,
                a.onTime,
                a.withExpectedDate,
                rate,
                leadTime,
                variance,
                a.rejected);
    }
}
