package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A report's file (CSV, XLSX, PDF, or the export's JSON document) parsed back and compared with the report's
 * JSON, section by section: the same rows, and in each row the same numbers and texts under the same names.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /** The sections of a report, in the order its documents show them. */
    public static List<String> sections(String report) {
        return switch (report) {
            case "inventory" ->
                List.of(
                        "totals",
                        "by_category",
                        "by_location",
                        "low_stock",
                        "out_of_stock",
                        "movements",
                        "slow_movers");
            case "purchase-orders", "purchase_orders" -> List.of("totals", "by_status", "by_supplier", "overdue");
            case "suppliers" -> List.of("suppliers");
            case "analytics" -> List.of("totals", "sales", "top_products", "top_customers", "production");
            default -> throw new IllegalArgumentException(report);
        };
    }

    public static void assertSame(JsonObject report, List<String> sections, String format, byte[] file)
            throws IOException {
        switch (format) {
            case "csv" -> csv(report, sections, new String(file, StandardCharsets.UTF_8));
            case "xlsx" -> xlsx(report, sections, file);
            case "pdf" -> pdf(report, sections, file);
            case "json" -> json(report, sections, file);
            default -> throw new IllegalArgumentException(format);
        }
    }

    /** A parser of CSV text (RFC 4180) whose first row is the header; the caller closes it. */
    public static CSVParser csvParser(String text) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text));
    }

    /**
     * Asserts a 406 NOT_ACCEPTABLE that lists the formats an export offers (json, csv, xlsx, pdf); closes the
     * answer.
     */
    public static void assertUnsupportedFormat(Response response) {
        try (response) {
            JsonObject problem = Api.assertProblem(response, 406, "NOT_ACCEPTABLE");
            assertEquals(
                    List.of("json", "csv", "xlsx", "pdf"),
                    problem.getJsonArray("supported_formats")
                            .getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        }
    }

    /** Sections one after the other, each with its header row, separated by an empty line. */
    private static void csv(JsonObject report, List<String> sections, String text) throws IOException {
        String[] blocks = text.split("\r\n\r\n", -1);
        assertEquals(sections.size(), blocks.length, text);
        for (int s = 0; s < sections.size(); s++) {
            JsonArray rows = report.getJsonArray(sections.get(s));
            try (CSVParser parser = csvParser(blocks[s])) {
                List<String> header = parser.getHeaderNames();
                List<CSVRecord> records = parser.getRecords();
                assertEquals(rows.size(), records.size(), sections.get(s));
                for (int i = 0; i < rows.size(); i++) {
                    JsonObject row = rows.getJsonObject(i);
                    assertTrue(header.containsAll(row.keySet()), sections.get(s) + ": " + header + " " + row);
                    for (String name : header) {
                        String cell = records.get(i).get(name);
                        assertCell(
                                row.get(name),
                                cell.startsWith("'") ? cell.substring(1) : cell,
                                sections.get(s) + "." + name);
                    }
                }
            }
        }
    }

    /** A sheet per section, named after it, with a header row; then the About sheet. */
    private static void xlsx(JsonObject report, List<String> sections, byte[] file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(sections.size() + 1, sheets.size());
            assertEquals("About", sheets.get(sections.size()).getName());
            for (int s = 0; s < sections.size(); s++) {
                assertEquals(sections.get(s), sheets.get(s).getName());
                JsonArray rows = report.getJsonArray(sections.get(s));
                List<Row> read = sheets.get(s).read();
                assertEquals(rows.size() + 1, read.size(), sections.get(s));
                Row header = read.get(0);
                for (int i = 0; i < rows.size(); i++) {
                    JsonObject row = rows.getJsonObject(i);
                    for (int c = 0; c < header.getCellCount(); c++) {
                        String name = header.getCellText(c);
                        Cell cell = read.get(i + 1).getCell(c);
                        JsonValue expected = row.get(name);
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            assertTrue(expected == null || expected == JsonValue.NULL, name);
                        } else if (cell.getType() == CellType.NUMBER && expected instanceof JsonNumber n) {
                            assertEquals(0, n.bigDecimalValue().compareTo(cell.asNumber()), name);
                        } else if (cell.getType() == CellType.STRING) {
                            assertEquals(((JsonString) expected).getString(), cell.asString(), name);
                        }
                    }
                }
            }
        }
    }

    /** Every section's name and row count, and its first row's numbers and texts, somewhere in the text. */
    private static void pdf(JsonObject report, List<String> sections, byte[] file) throws IOException {
        PdfReader pdf = new PdfReader(file);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(pdf);
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        assertTrue(all.contains("Page 1"), all);
        for (String section : sections) {
            JsonArray rows = report.getJsonArray(section);
            assertTrue(all.contains(section), section + " in " + all);
            assertTrue(all.contains("Total (" + rows.size() + " row"), section + " has " + rows.size() + ": " + all);
            if (!rows.isEmpty()) {
                rows.getJsonObject(0).forEach((name, value) -> {
                    if (value instanceof JsonNumber n) {
                        assertTrue(
                                all.contains(n.bigDecimalValue().toPlainString()), section + "." + name + ": " + all);
                    }
                });
            }
        }
    }

    /** {title, filters, generated_at, sections: [{name, rows, row_count, totals}]}. */
    private static void json(JsonObject report, List<String> sections, byte[] file) {
        JsonObject document;
        try (var reader = Json.createReader(new ByteArrayInputStream(file))) {
            document = reader.readObject();
        }
        JsonArray written = document.getJsonArray("sections");
        List<String> names = new ArrayList<>();
        written.getValuesAs(JsonObject.class).forEach(s -> names.add(s.getString("name")));
        assertEquals(sections, names);
        for (JsonObject section : written.getValuesAs(JsonObject.class)) {
            JsonArray rows = report.getJsonArray(section.getString("name"));
            JsonArray got = section.getJsonArray("rows");
            assertEquals(rows.size(), section.getInt("row_count"));
            assertEquals(rows.size(), got.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonObject expected = rows.getJsonObject(i);
                JsonObject row = got.getJsonObject(i);
                assertEquals(expected.keySet(), row.keySet(), section.getString("name"));
                expected.forEach((name, value) -> assertCell(
                        value,
                        row.get(name) instanceof JsonString t
                                ? t.getString()
                                : row.get(name).toString(),
                        name));
            }
        }
    }

    private static void assertCell(JsonValue expected, String actual, String where) {
        if (expected == null || expected == JsonValue.NULL) {
            assertEquals("", actual, where);
        } else if (expected instanceof JsonNumber n) {
            assertEquals(0, n.bigDecimalValue().compareTo(new BigDecimal(actual)), where + ": " + n + " vs " + actual);
        } else if (expected instanceof JsonString s) {
            assertEquals(s.getString(), actual, where);
        } else {
            assertEquals(expected.toString(), actual, where);
        }
    }
}
