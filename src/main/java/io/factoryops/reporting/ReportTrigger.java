package io.factoryops.reporting;

/** Who started a report run: the monthly timer, or an admin ({@code POST /api/reports/runs}). */
public enum ReportTrigger {
    SCHEDULE,
    MANUAL
}
