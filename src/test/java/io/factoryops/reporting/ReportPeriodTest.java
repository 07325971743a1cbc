package io.factoryops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 2, 10);

    @Test
    void missingBoundsAreTheCurrentMonths() {
        assertEquals(
                new ReportPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                ReportPeriod.of(null, null, TODAY));
        assertEquals(
                new ReportPeriod(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 29)),
                ReportPeriod.of(LocalDate.of(2024, 1, 15), null, TODAY));
        assertEquals(
                new ReportPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 5)),
                ReportPeriod.of(null, LocalDate.of(2024, 2, 5), TODAY));
    }

    @Test
    void fromAfterToAndPeriodsLongerThanAYearAreRefused() {
        ApiException reversed = assertThrows(
                ApiException.class, () -> ReportPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1), TODAY));
        assertEquals("date_from", reversed.errors().get(0).field());
        assertEquals(
                366,
                java.time.temporal.ChronoUnit.DAYS.between(
                                LocalDate.of(2024, 1, 1),
                                ReportPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), TODAY)
                                        .to())
                        + 1);
        ApiException tooLong = assertThrows(
                ApiException.class, () -> ReportPeriod.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 2), TODAY));
        assertEquals("date_to", tooLong.errors().get(0).field());
    }

    @Test
    void granularityBucketsStartOnMondaysAndFirstDays() {
        LocalDate sunday = LocalDate.of(2024, 3, 3);
        assertEquals(sunday, Granularity.DAY.bucketOf(sunday));
        assertEquals(LocalDate.of(2024, 2, 26), Granularity.WEEK.bucketOf(sunday));
        assertEquals(LocalDate.of(2024, 3, 1), Granularity.MONTH.bucketOf(sunday));
    }
}
