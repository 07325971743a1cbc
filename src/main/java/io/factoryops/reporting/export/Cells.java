package io.factoryops.reporting.export;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Cell values as text, the way the JSON API writes them: plain decimals, ISO-8601 dates and UTC instants. */
final class Cells {

    private Cells() {}

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString(); // Long, Integer, Boolean, String, LocalDate and Instant: ISO-8601, Z
    }

    /** Adds a value to a running total of its type (longs for INTEGER, decimals for DECIMAL). */
    static Object add(Object total, Object value) {
        if (value == null) {
            return total;
        }
        if (value instanceof BigDecimal d) {
            return total == null ? d : ((BigDecimal) total).add(d);
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return total == null ? n.longValue() : (Long) total + n.longValue();
        }
        throw new IllegalArgumentException("cannot add up " + value.getClass().getSimpleName());
    }
}
