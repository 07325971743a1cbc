package io.factoryops.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The buckets of the analytics report's sales: days, ISO weeks (from Monday), calendar months. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** The first day of the bucket the day falls in. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
