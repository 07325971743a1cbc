package io.factoryops.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The report a {@link ReportRun} stored: the JSON its report endpoint answered for that period. */
@Entity
@Table(name = "report_run_contents")
public class ReportRunContent {

    @Id
    @Column(name = "run_id")
    private Long runId;

    @Lob
    @Column(nullable = false, updatable = false)
    private String payload;

    protected ReportRunContent() {}

    ReportRunContent(long runId, String payload) {
        this.runId = runId;
        this.payload = payload;
    }

    String getPayload() {
        return payload;
    }
}
