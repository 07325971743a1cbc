package io.factoryops.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change that the summaries have not absorbed yet, written in the transaction of the business
 * change itself (an outbox), so that no refresh can miss or double-count it.
 */
@Entity
@Table(name = "analytics_deltas")
public class AnalyticsDelta {

    /** What a delta counts. */
    enum Kind { CUSTOMER, PRODUCT_SOLD, PRODUCT_PRODUCED, EMPLOYEE, DAILY, SALES_DAY, OPEN_ORDERS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "key_id", nullable = false)
    private long keyId;

    @Column(name = "delta_day")
    private LocalDate day;

    @Column(nullable = false)
    private long quantity;

    @Column(nullable = false, precision = 16, scale = 2)
    private BigDecimal amount;

    @Column(name = "count_delta", nullable = false)
    private int countDelta;

    @Column(name = "event_time", nullable = false)
    private Instant eventTime;

    protected AnalyticsDelta() {
    }

    AnalyticsDelta(Kind kind, long keyId, LocalDate day, long quantity, BigDecimal amount, int countDelta,
                   Instant eventTime) {
        this.kind = kind.name();
        this.keyId = keyId;
        this.day = day;
        this.quantity = quantity;
        this.amount = amount;
        this.countDelta = countDelta;
        this.eventTime = eventTime;
    }
}
