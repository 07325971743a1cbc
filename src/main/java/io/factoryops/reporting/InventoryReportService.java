package io.factoryops.reporting;

import static io.factoryops.platform.db.SqlReads.money;

import io.factoryops.inventory.PartFacts;
import io.factoryops.inventory.PartReorderAdvisor;
import io.factoryops.reporting.InventoryReport.InventoryTotals;
import io.factoryops.reporting.InventoryReport.MovementsByReason;
import io.factoryops.reporting.InventoryReport.ReorderLine;
import io.factoryops.reporting.InventoryReport.SlowMover;
import io.factoryops.reporting.InventoryReport.ValueByCategory;
import io.factoryops.reporting.InventoryReport.ValueByLocation;
import io.factoryops.stock.StockStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The inventory report, from inventory's indexed reads over the parts and the ledger ({@link PartFacts}; nothing
 * here is precomputed: the dashboard's stock value is, but not by category or location). The category and
 * location filters take their subtrees.
 */
@ApplicationScoped
@Transactional
public class InventoryReportService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    PartFacts parts;

    /** The report's parameters (besides the period). */
    public record Filter(Long category, Long location, int slowDays, int limit) {}

    public InventoryReport report(ReportPeriod period, Filter filter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PartFacts.Selection selected = parts.select(filter.category(), filter.location());
        List<ValueByCategory> byCategory = sorted(
                parts.stockByCategory(selected).stream()
                        .map(n -> new ValueByCategory(n.nodeId(), n.path(), n.parts(), n.units(), money(n.value())))
                        .toList(),
                ValueByCategory::categoryPath);
        List<ValueByLocation> byLocation = sorted(
                parts.stockByLocation(selected).stream()
                        .map(n -> new ValueByLocation(n.nodeId(), n.path(), n.parts(), n.units(), money(n.value())))
                        .toList(),
                ValueByLocation::locationPath);
        Instant since = now.minus(filter.slowDays(), ChronoUnit.DAYS);
        List<MovementsByReason> movements = parts.movementsByReason(selected, period.start(), period.end()).stream()
                .map(m -> new MovementsByReason(m.reason(), m.movements(), m.unitsIn(), m.unitsOut()))
                .toList();
        long partCount = byCategory.stream().mapToLong(ValueByCategory::parts).sum();
        long units = byCategory.stream().mapToLong(ValueByCategory::units).sum();
        BigDecimal value = byCategory.stream().map(ValueByCategory::stockValue).reduce(ZERO, BigDecimal::add);
        InventoryTotals totals = new InventoryTotals(
                partCount,
                units,
                value,
                parts.countInStatus(selected, StockStatus.LOW_STOCK),
                parts.countInStatus(selected, StockStatus.OUT_OF_STOCK),
                parts.countSlow(selected, since),
                movements.stream().mapToLong(MovementsByReason::movements).sum());
        List<SlowMover> slowMovers = parts.slowMovers(selected, since, filter.limit()).stream()
                .map(p -> new SlowMover(p.partId(), p.sku(), p.name(), p.quantity(), money(p.value()), p.lastMovedAt()))
                .toList();
        return new InventoryReport(
                period.from(),
                period.to(),
                now,
                filter.category(),
                filter.location(),
                filter.slowDays(),
                filter.limit(),
                List.of(totals),
                byCategory,
                byLocation,
                reorderLines(selected, StockStatus.LOW_STOCK, filter.limit()),
                reorderLines(selected, StockStatus.OUT_OF_STOCK, filter.limit()),
                movements,
                slowMovers);
    }

    private List<ReorderLine> reorderLines(PartFacts.Selection selected, StockStatus status, int limit) {
        return parts.inStatus(selected, status, limit).stream()
                .map(p -> {
                    int suggested =
                            PartReorderAdvisor.suggestedQuantity(p.reorderQuantity(), p.quantity(), p.reorderLevel());
                    BigDecimal unitCost = money(p.unitCost());
                    return new ReorderLine(
                            p.partId(),
                            p.sku(),
                            p.name(),
                            p.quantity(),
                            p.reorderLevel(),
                            p.reorderQuantity(),
                            suggested,
                            p.preferredSupplierId(),
                            unitCost,
                            unitCost.multiply(BigDecimal.valueOf(suggested)).setScale(2, RoundingMode.HALF_UP));
                })
                .toList();
    }

    /** By path, the rows without a node last. */
    private static <T> List<T> sorted(List<T> rows, Function<T, String> path) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(path, Comparator.nullsLast(Comparator.naturalOrder())));
        return copy;
    }
}
