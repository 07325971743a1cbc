package io.factoryops.reporting;

import io.factoryops.platform.Dates;
import io.factoryops.platform.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The period a report covers: {@code date_from} to {@code date_to}, both inclusive (UTC days). A missing bound
 * is the current month's (so no parameter at all means this month); {@code date_from} after {@code date_to}
 * and a period of more than {@link #MAX_DAYS} days are 400 INVALID_PARAMETER.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers: a year (a leap year's days). */
    public static final int MAX_DAYS = 366;

    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        LocalDate start = from == null ? month.atDay(1) : from;
        LocalDate end = to == null ? month.atEndOfMonth() : to;
        if (start.isAfter(end)) {
            throw ApiException.invalidParameter("date_from", "must not be after date_to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiException.invalidParameter("date_to", "the period may span at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(start, end);
    }

    public static ReportPeriod of(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /** The first instant of the period. */
    public Instant start() {
        return Dates.startOf(from);
    }

    /** The last instant of the period that a DATETIME(6) holds (inclusive). */
    public Instant end() {
        return Dates.endOf(to);
    }
}
