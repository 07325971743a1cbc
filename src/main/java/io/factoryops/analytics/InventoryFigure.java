package io.factoryops.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One precomputed inventory figure of the dashboard, kept in its row of {@code inventory_figures} by
 * {@link InventoryFigures}: its class knows how to compute it, and what a stored value means later.
 */
interface InventoryFigure {

    /** Its row in {@code inventory_figures}. */
    String key();

    /** Its value at {@code now}, read in the refresh's transaction. */
    BigDecimal compute(Connection c, Instant now) throws SQLException;

    /** The period the value is about (stored with it), or null for a figure of the moment. */
    default LocalDate periodOf(Instant now) {
        return null;
    }
}
