package io.factoryops.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one range of calendar dates the API accepts, 1900-01-01 to 9999-12-31: it fits a DATE and a
 * DATETIME(6) column on H2 and on MySQL/MariaDB, whose range ends with the year 9999 (a bound of
 * 10000-01-01 makes MariaDB match nothing). A day as a span of timestamps is
 * [{@link #startOf}, {@link #endOf}], both inclusive, so that the last day of the range needs no
 * instant of the year 10000.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Dates() {}

    /** A {@code YYYY-MM-DD} text (short: no parse of an absurd input), or null when it is not one. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() > 20) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The first instant of the day, UTC. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last instant of the day that a DATETIME(6) column holds (23:59:59.999999 UTC). */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59, 999_999_000)).toInstant(ZoneOffset.UTC);
    }
}
