package io.factoryops.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A document of several small tables already in memory (a report: one table per section), written by the
 * export writers of a format, so that a report is CSV, XLSX, PDF or JSON exactly as an export is.
 */
public final class Sections {

    /** One table: its name, its columns and its rows (a value per column, of the column's type). */
    public record Section(String name, List<ColumnSpec> columns, List<List<?>> rows) {}

    private Sections() {}

    /** Writes the document; the stream is flushed, not closed. */
    public static void write(
            ExportFormat format,
            String title,
            Map<String, String> filters,
            Instant generatedAt,
            List<Section> sections,
            OutputStream out)
            throws IOException {
        TableWriter writer = format.writer(out);
        writer.begin(title, filters, generatedAt, false);
        for (Section section : sections) {
            writer.beginSection(section.name(), section.columns());
            Object[] totals = new Object[section.columns().size()];
            for (List<?> row : section.rows()) {
                for (int i = 0; i < totals.length; i++) {
                    if (section.columns().get(i).summed()) {
                        totals[i] = Cells.add(totals[i], row.get(i));
                    }
                }
                writer.row(row);
            }
            writer.endSection(section.rows().size(), new ArrayList<>(Arrays.asList(totals)));
        }
        writer.end();
    }
}
