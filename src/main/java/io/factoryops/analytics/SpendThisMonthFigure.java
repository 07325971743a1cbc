package io.factoryops.analytics;

import io.factoryops.procurement.PurchaseOrderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
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
        return PurchaseOrderFacts.receivedValue(
                        c,
                        month.atStartOfDay().toInstant(ZoneOffset.UTC),
                        month.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
