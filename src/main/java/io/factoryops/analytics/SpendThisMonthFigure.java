package io.factoryops.analytics;

import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReferenceType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The value received this calendar month (UTC): over the purchase-order receipts of the month, the units
 * each one added to stock (its ledger rows) × the unit cost of the purchase-order line of that part (a
 * purchase order lists each part once). Whatever was ordered, approved or cancelled, only what arrived
 * counts. A refresh computes it whole, from the month's receipts (ix_purchase_order_receipts_received);
 * a value stored in an earlier month reads as 0.00: as of then, nothing had been received this month.
 */
@ApplicationScoped
class SpendThisMonthFigure implements InventoryFigure {

    @Override
    public String key() {
        return "SPEND_THIS_MONTH";
    }

    @Override
    public LocalDate periodOf(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
    }

    @Override
    public BigDecimal compute(Connection c, Instant now) throws SQLException {
        LocalDate month = periodOf(now);
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(SUM(m.delta * l.unit_cost), 0) "
                + "FROM purchase_order_receipts r "
                + "JOIN stock_movements m ON m.reference_type = ? AND m.reference_id = r.id AND m.reason = ? "
                + "JOIN parts p ON p.stock_item_id = m.stock_item_id "
                + "JOIN purchase_order_lines l ON l.purchase_order_id = r.purchase_order_id AND l.part_id = p.id "
                + "WHERE r.received_at >= ? AND r.received_at < ?")) {
            p.setString(1, StockReferenceType.PURCHASE_ORDER_RECEIPT.name());
            p.setString(2, StockReason.PURCHASE_RECEIPT.name());
            p.setTimestamp(3, Timestamp.from(month.atStartOfDay().toInstant(ZoneOffset.UTC)));
            p.setTimestamp(4, Timestamp.from(month.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP);
            }
        }
    }
}
