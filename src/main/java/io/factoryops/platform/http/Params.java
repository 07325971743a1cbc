package io.factoryops.platform.http;

import io.factoryops.platform.Dates;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.error.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Parses optional query parameters; a value of the wrong form or out of its range is 400
 * {@code INVALID_PARAMETER} naming the parameter. Every number has a range and every date lies in
 * {@link Dates}' range, checked before the value reaches a query or a computation.
 */
public final class Params {

    private Params() {}

    /** A whole number in [min, max]. */
    public static Long optionalLong(String name, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter(name, "must be an integer between " + min + " and " + max);
    }

    /** An id: a whole number of at least 1. */
    public static Long optionalId(String name, String value) {
        return optionalLong(name, value, 1, Long.MAX_VALUE);
    }

    public static Boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalidParameter(name, "must be true or false");
        };
    }

    public static LocalDate optionalDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = Dates.parse(value.trim());
        if (date != null && Dates.inRange(date)) {
            return date;
        }
        throw ApiException.invalidParameter(
                name, "must be a date in the form YYYY-MM-DD between " + Dates.EARLIEST + " and " + Dates.LATEST);
    }

    /** A decimal number in [min, max] with at most {@code fractionDigits} decimals, e.g. a price. */
    public static BigDecimal optionalDecimal(
            String name, String value, BigDecimal min, BigDecimal max, int fractionDigits) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal parsed = Decimals.parse(value.trim());
        if (parsed != null && Decimals.inRange(parsed, min, max, fractionDigits)) {
            return parsed;
        }
        throw ApiException.invalidParameter(
                name,
                "must be a decimal number from " + min.toPlainString() + " to " + max.toPlainString() + " with at most "
                        + fractionDigits + " decimals");
    }

    /** A text filter: trimmed, null when blank, at most 200 characters. */
    public static String optionalText(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 200) {
            throw ApiException.invalidParameter(name, "must be at most 200 characters");
        }
        return v;
    }

    /**
     * A filter on a closed set: null when blank, else the constant whose wire value ({@code wire}) equals the
     * trimmed text; 400 listing the allowed values otherwise.
     */
    public static <E extends Enum<E>> E optionalEnum(String name, String value, E[] values, Function<E, String> wire) {
        String v = optionalText(name, value);
        if (v == null) {
            return null;
        }
        return Arrays.stream(values)
                .filter(e -> wire.apply(e).equals(v))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParameter(
                        name,
                        "must be one of " + Arrays.stream(values).map(wire).toList()));
    }
}
