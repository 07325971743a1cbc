package io.factoryops.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CSV per RFC 4180: UTF-8 without a byte-order mark, CRLF line ends, a header row of the column names,
 * fields quoted when they hold a comma, a quote, CR or LF (quotes doubled). Data only: the title, filters
 * and totals are not rows (a spreadsheet or a script reading the file expects the table and nothing
 * else). A report's sections follow each other, each with its own header row, after an empty line.
 *
 * <p>Formula injection (CWE-1236): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a CR as a formula; such a TEXT cell is written with a leading
 * {@code '}, which shows the text as it is. Numbers (a negative delta) are left alone: they are typed
 * columns, and a spreadsheet reads {@code -5} as the number it is.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer out;
    private List<ColumnSpec> columns;
    private int sections;

    CsvTableWriter(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(String title, Map<String, String> filters, Instant generatedAt, boolean list) {
        // data only (see the class comment)
    }

    @Override
    public void beginSection(String name, List<ColumnSpec> columns) throws IOException {
        this.columns = columns;
        if (sections++ > 0) {
            out.write("\r\n");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(columns.get(i).name()));
        }
        out.write("\r\n");
    }

    @Override
    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values.get(i);
            String text = Cells.text(value);
            out.write(field(columns.get(i).type() == ColumnType.TEXT ? neutralised(text) : text));
        }
        out.write("\r\n");
    }

    @Override
    public void endSection(long rows, List<?> totals) {
        // data only
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    /** A text cell that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** A field as RFC 4180 writes it. */
    static String field(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
