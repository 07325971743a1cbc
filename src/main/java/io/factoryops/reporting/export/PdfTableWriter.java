package io.factoryops.reporting.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PDF through OpenPDF (2.0.5: the last release that runs on Java 17): A4 landscape, the title, the
 * filters used and when it was made, then per section a table whose header row repeats on every page,
 * numbers right-aligned, and a bold totals row (the row count and the sums of the summed columns); each
 * page numbered in its footer. The table goes to the document every {@link #ADD_EVERY} rows (a large
 * table), so its rows are not all held; PDF is still meant for what a person reads, hence the row limit
 * of the export ({@code factory.export.pdf-max-rows}).
 */
final class PdfTableWriter implements TableWriter {

    static final int ADD_EVERY = 200;

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);

    private final Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 30);
    private final PdfWriter writer;
    private List<ColumnSpec> columns;
    private PdfPTable table;
    private long rows;

    PdfTableWriter(OutputStream out) {
        this.writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new PageNumbers());
    }

    @Override
    public void begin(String title, Map<String, String> filters, Instant generatedAt, boolean list) {
        document.addTitle(title);
        document.addCreator("Factory Ops");
        document.open();
        document.add(new Paragraph(title, TITLE));
        String used = filters.isEmpty()
                ? "none"
                : filters.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
        document.add(new Paragraph("Filters: " + used, SMALL));
        document.add(new Paragraph("Generated at " + generatedAt + " (UTC)", SMALL));
    }

    @Override
    public void beginSection(String name, List<ColumnSpec> columns) {
        this.columns = columns;
        this.rows = 0;
        Paragraph heading = new Paragraph(name, HEAD);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(4);
        document.add(heading);
        table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (ColumnSpec column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(column.name(), HEAD));
            cell.setBackgroundColor(new Color(0xE0, 0xE0, 0xE0));
            table.addCell(cell);
        }
    }

    @Override
    public void row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            table.addCell(cell(Cells.text(values.get(i)), columns.get(i), CELL));
        }
        if (++rows % ADD_EVERY == 0) {
            document.add(table); // the large table: what was added leaves the heap
        }
    }

    @Override
    public void endSection(long rowCount, List<?> totals) {
        for (int i = 0; i < columns.size(); i++) {
            String text = i == 0 ? "Total (" + rowCount + " rows)" : Cells.text(totals.get(i));
            PdfPCell cell = cell(text, i == 0 ? new ColumnSpec("", ColumnType.TEXT, false) : columns.get(i), HEAD);
            cell.setBackgroundColor(new Color(0xF0, 0xF0, 0xF0));
            table.addCell(cell);
        }
        table.setComplete(true);
        document.add(table);
    }

    @Override
    public void end() throws IOException {
        try {
            document.close();
        } catch (DocumentException e) {
            throw new IOException(e);
        }
    }

    private static PdfPCell cell(String text, ColumnSpec column, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        boolean number = column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL;
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    /** "Page n" at the foot of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_CENTER,
                    new Phrase("Page " + writer.getPageNumber(), SMALL),
                    (document.left() + document.right()) / 2,
                    document.bottom() - 16,
                    0);
        }
    }
}
