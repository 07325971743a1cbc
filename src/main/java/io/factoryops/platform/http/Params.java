package io.factoryops.platform.http;

import io.factoryops.platform.error.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses optional query parameters; a value of the wrong form is 400 {@code INVALID_PARAMETER}. */
public final class Params {

    private Params() {
    }

    public static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be an integer");
        }
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
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date in the form YYYY-MM-DD");
        }
    }

    public static java.math.BigDecimal optionalDecimal(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a decimal number");
        }
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
}
