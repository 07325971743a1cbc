package io.factoryops.reporting.export;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a document of flat tables in one format, as the rows come, holding none of them: a title, the
 * filters it was made with, then one or more sections (a list's export has one; a report has several,
 * e.g. stock value by category, then by location), each with typed columns, rows and totals. The calls
 * come in this order: {@link #begin}, then per section {@link #beginSection}, {@link #row}…,
 * {@link #endSection}, then {@link #end}. An {@link IOException} (the client went away) ends the document.
 */
public interface TableWriter {

    /**
     * @param title    what the document shows, e.g. "Orders"
     * @param filters  the query parameters it was made with, as the client gave them
     * @param list     true for a list's export (one section, which a writer may lay out more simply: JSON as a
     *                 bare array), false for a document of sections (a report, however many sections it has)
     */
    void begin(String title, Map<String, String> filters, Instant generatedAt, boolean list) throws IOException;

    void beginSection(String name, List<ColumnSpec> columns) throws IOException;

    /** One row: a value per column, of the column's type ({@link ColumnType}), or null. */
    void row(List<?> values) throws IOException;

    /** The section's row count and the sums of its summed columns (null for the others). */
    void endSection(long rows, List<?> totals) throws IOException;

    /** Finishes the document; the writer flushes but does not close the stream it was given. */
    void end() throws IOException;

    /**
     * Instead of {@link #end}: the export was cut ({@code reason}) and the document must not pass for a whole
     * one. JSON, XLSX and PDF are left unfinished (no parser takes them); CSV has no end of its own and
     * writes a last line that says so.
     */
    default void cut(String reason) throws IOException {}
}
