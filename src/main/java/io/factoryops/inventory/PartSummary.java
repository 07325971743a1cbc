package io.factoryops.inventory;

import java.math.BigDecimal;

/**
 * What other features (bills of materials, purchase orders, service tickets) need to know of a part: its
 * name, unit cost, stock item (to lock and move it through the stock ledger), its stock when read and
 * whether it is still in use.
 */
public record PartSummary(
        long id, String sku, String name, BigDecimal unitCost, long stockItemId, int quantity, boolean active) {

    /** The select list and source that {@link #of} reads; append the WHERE clause. */
    static final String SELECT =
            "SELECT p.id, p.sku, p.name, p.unitCost, s.id, s.quantity, s.active FROM Part p JOIN p.stock s ";

    static PartSummary of(Object[] row) {
        return new PartSummary(
                (Long) row[0],
                (String) row[1],
                (String) row[2],
                (BigDecimal) row[3],
                (Long) row[4],
                ((Number) row[5]).intValue(),
                (Boolean) row[6]);
    }
}
