package io.factoryops.platform;

import java.math.BigDecimal;

/**
 * The one way to accept a decimal input without paying for its size. {@code 1e600000000} is a
 * 12-byte BigDecimal that costs nothing to parse, but printing it plainly, rescaling it or binding it
 * to a JDBC statement builds a number of 600 million digits. {@link #fits} looks only at the
 * precision and the scale, never at the value, so it is cheap for any input; check it before
 * anything else touches the number.
 */
public final class Decimals {

    /** No decimal input of the API needs more: the widest money column is DECIMAL(16, 2). */
    public static final int MAX_INTEGER_DIGITS = 18;

    public static final int MAX_FRACTION_DIGITS = 6;

    /** Longest decimal text read from a query parameter or a cursor. */
    private static final int MAX_TEXT_LENGTH = 40;

    private Decimals() {}

    /** At most {@code integerDigits} digits before the point and {@code fractionDigits} after it. */
    public static boolean fits(BigDecimal value, int integerDigits, int fractionDigits) {
        long digitsBeforePoint = (long) value.precision() - value.scale();
        return digitsBeforePoint <= integerDigits && value.scale() <= fractionDigits;
    }

    /** Whether the value lies in [min, max] with at most {@code fractionDigits} decimals; cheap for any value. */
    public static boolean inRange(BigDecimal value, BigDecimal min, BigDecimal max, int fractionDigits) {
        int integerDigits = Math.max(digitsBeforePoint(min), digitsBeforePoint(max));
        return fits(value, integerDigits, fractionDigits) && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /**
     * The configured tax rate ({@code factory.tax-rate}), which orders and service tickets keep: a start-up failure
     * unless it is a fraction in [0, 1) with at most 4 decimals.
     */
    public static BigDecimal requireTaxRate(BigDecimal taxRate) {
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0 || taxRate.scale() > 4) {
            throw new IllegalStateException("factory.tax-rate must be a fraction in [0, 1) with at most 4 decimals, "
                    + "e.g. 0.09; it is " + taxRate);
        }
        return taxRate;
    }

    /** Parses a short decimal text; null when it is not one or does not fit the API's widest decimal. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return fits(value, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int digitsBeforePoint(BigDecimal bound) {
        return Math.max(1, bound.precision() - bound.scale());
    }
}
