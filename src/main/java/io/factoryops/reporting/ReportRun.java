package io.factoryops.reporting;

import io.factoryops.reporting.export.ExportFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored report: its kind and period, how it was made. One per kind and period (uq_report_runs_period).
 * Its content is a {@link ReportRunContent} of its own, so that a list of runs never reads a report. Written
 * once, never changed.
 */
@Entity
@Table(name = "report_runs")
public class ReportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private ReportKind kind;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private ReportRunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false, updatable = false, length = 20)
    private ReportTrigger trigger;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "created_by", updatable = false, length = 50)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ReportRun() {}

    ReportRun(
            ReportKind kind,
            ReportPeriod period,
            ReportTrigger trigger,
            long sizeBytes,
            String createdBy,
            Instant createdAt) {
        this.kind = kind;
        this.periodStart = period.from();
        this.periodEnd = period.to();
        this.status = ReportRunStatus.COMPLETED;
        this.trigger = trigger;
        this.sizeBytes = sizeBytes;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public ReportKind getKind() {
        return kind;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public ReportRunStatus getStatus() {
        return status;
    }

    public ReportTrigger getTrigger() {
        return trigger;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The file name of its download, e.g. {@code inventory-2026-10.json}. */
    String fileName(ExportFormat format) {
        return kind.value().replace('_', '-') + "-" + periodStart.toString().substring(0, 7) + "." + format.value();
    }
}
