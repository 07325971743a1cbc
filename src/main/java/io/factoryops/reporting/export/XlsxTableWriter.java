package io.factoryops.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, a streaming writer: the rows of a sheet go to the stream every
 * {@link #FLUSH_EVERY} rows, never all held. Typed cells: numbers are numbers, dates dates
 * ({@code yyyy-mm-dd}), instants UTC date-times ({@code yyyy-mm-dd hh:mm:ss}), booleans booleans; text is
 * written inline (no shared-string table growing with the rows). A section is a sheet with a bold header
 * row (one more sheet, "name (2)", past the 1,048,575 rows a sheet holds); a last sheet "About" holds the
 * title, the filters, when it was made, and per section its row count and totals.
 */
final class XlsxTableWriter implements TableWriter {

    static final int FLUSH_EVERY = 1000;
    static final int MAX_ROWS_PER_SHEET = 1_048_575;

    private final Workbook workbook;
    private String title;
    private Map<String, String> filters;
    private Instant generatedAt;
    private String sectionName;
    private List<ColumnSpec> columns;
    private Worksheet sheet;
    private int sheets;
    private int row;
    private final java.util.List<Object[]> sectionSummaries = new java.util.ArrayList<>();

    XlsxTableWriter(OutputStream out) {
        this.workbook = new Workbook(out, "Factory Ops", "1.0");
    }

    @Override
    public void begin(String title, Map<String, String> filters, Instant generatedAt, boolean list) {
        this.title = title;
        this.filters = filters;
        this.generatedAt = generatedAt;
    }

    @Override
    public void beginSection(String name, List<ColumnSpec> columns) throws IOException {
        this.sectionName = name;
        this.columns = columns;
        this.sheets = 0;
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheetName(sheets == 1 ? sectionName : sectionName + " (" + sheets + ")"));
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).name());
            sheet.style(0, c).bold().set();
        }
        row = 0;
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (row == MAX_ROWS_PER_SHEET) {
            newSheet();
        }
        row++;
        for (int c = 0; c < values.size(); c++) {
            cell(sheet, row, c, values.get(c));
        }
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void endSection(long rows, List<?> totals) throws IOException {
        sheet.finish();
        sheet = null;
        sectionSummaries.add(new Object[] {sectionName, rows, columns, totals});
    }

    @Override
    public void end() throws IOException {
        Worksheet info = workbook.newWorksheet("About");
        int r = 0;
        info.inlineString(r, 0, title);
        info.style(r, 0).bold().set();
        r++;
        info.inlineString(r, 0, "generated_at");
        cell(info, r++, 1, generatedAt);
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            info.inlineString(r, 0, filter.getKey());
            info.inlineString(r++, 1, filter.getValue());
        }
        for (Object[] summary : sectionSummaries) {
            r++;
            info.inlineString(r, 0, (String) summary[0]);
            info.style(r++, 0).bold().set();
            info.inlineString(r, 0, "rows");
            info.value(r++, 1, (Long) summary[1]);
            @SuppressWarnings("unchecked")
            List<ColumnSpec> specs = (List<ColumnSpec>) summary[2];
            List<?> totals = (List<?>) summary[3];
            for (int c = 0; c < specs.size(); c++) {
                if (specs.get(c).summed()) {
                    info.inlineString(r, 0, "total " + specs.get(c).name());
                    cell(info, r++, 1, totals.get(c));
                }
            }
        }
        info.finish();
        workbook.finish();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            sheet.value(r, c, d);
        } else if (value instanceof Number n) {
            sheet.value(r, c, n);
        } else if (value instanceof Boolean b) {
            sheet.value(r, c, b);
        } else if (value instanceof LocalDate d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Instant i) {
            sheet.value(r, c, LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
        } else {
            sheet.inlineString(r, c, value.toString());
        }
    }

    /** A sheet name as Excel allows it: at most 31 characters, none of {@code \ / ? * [ ] :}. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() <= 31 ? clean : clean.substring(0, 31);
    }
}
