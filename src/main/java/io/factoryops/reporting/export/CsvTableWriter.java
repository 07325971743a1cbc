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
 * every TEXT field quoted (quotes doubled), other fields (numbers, dates, booleans) quoted only when they
 * hold a comma, a quote, CR or LF, which they never do. Data only: the title, filters
 * and totals are not rows (a spreadsheet or a script reading the file expects the table and nothing
 * else). A report's sections follow each other, each with its own header row, after an empty line.
 *
 * <p>Formula injection (CWE-1236): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a CR as a formula; such a TEXT cell is written with a leading
 * {@code '}, which shows the text as it is. A spreadsheet that splits on another list separator (Excel
 * where the locale's separator is {@code ;}) or ignores the quotes cuts a cell at {@code ;}, {@code ,} or a
 * tab inside it: {@code Jo;=1+1;} would become the cells {@code Jo} and {@code =1+1}. So a formula
 * character right after such a separator inside a TEXT cell gets a {@code '} too ({@code Jo;'=1+1;}).
 * Numbers (a negative delta) are left alone: they are typed columns, and a spreadsheet reads {@code -5}
 * as the number it is.
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
            out.write(columns.get(i).type() == ColumnType.TEXT ? quoted(neutralised(text)) : field(text));
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

    /**
     * A CSV file has no end marker: a cut one ends with a line that opens a quoted field and never closes it,
     * {@code "export cut: <reason>}, which an RFC 4180 parser refuses (an unterminated quote) and a
     * spreadsheet shows as text.
     */
    @Override
    public void cut(String reason) throws IOException {
        out.write("\"" + EXPORT_CUT + reason.replace("\"", "'") + "\r\n");
        out.flush();
    }

    /** The start of the last line of a cut CSV file. */
    static final String EXPORT_CUT = "export cut: ";

    /** The characters that make a cell a formula when they start it. */
    private static final String FORMULA = "=+-@\t\r";
    /** The characters a spreadsheet may split a line at, whatever the quotes say. */
    private static final String SEPARATORS = ";,\t";

    /**
     * A text cell that a spreadsheet would run as a formula, made inert: an apostrophe before a formula
     * character at its start and after every separator inside it.
     */
    static String neutralised(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean starts = i == 0 || SEPARATORS.indexOf(text.charAt(i - 1)) >= 0;
            if (starts && FORMULA.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('\'');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A field always quoted (quotes doubled): every text field. */
    static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
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
