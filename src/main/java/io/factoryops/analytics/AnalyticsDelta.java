package io.factoryops.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change that the summaries have not absorbed yet, a row of {@code analytics_deltas} written in the
 * transaction of the business change itself (an outbox), so that no refresh can miss or double-count
 * it. {@link AnalyticsDeltaRecorder} writes them; {@link AnalyticsRefresher} folds and deletes them.
 */
record AnalyticsDelta(
        Kind kind, long keyId, LocalDate day, long quantity, BigDecimal amount, int countDelta, Instant eventTime) {

    /** What a delta counts. */
    enum Kind {
        CUSTOMER,
        PRODUCT_SOLD,
        PRODUCT_PRODUCED,
        EMPLOYEE,
        DAILY,
        SALES_DAY,
        OPEN_ORDERS,
        MECHANIC_DAY
    }
}
