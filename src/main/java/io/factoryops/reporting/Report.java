package io.factoryops.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report: a period, when it was computed, and its sections, each a list of flat rows (records of numbers,
 * BigDecimal money, ISO dates and texts), so that a writer can render any report as one table per section
 * (CSV, XLSX, PDF) from {@link #sections()} without knowing the report.
 */
public interface Report {

    LocalDate dateFrom();

    LocalDate dateTo();

    Instant asOf();

    /** The sections in the order a document shows them: name (the JSON property) → rows. */
    Map<String, List<? extends Record>> sections();
}
