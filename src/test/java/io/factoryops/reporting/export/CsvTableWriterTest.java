package io.factoryops.reporting.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("name", ColumnType.TEXT, false),
            new ColumnSpec("delta", ColumnType.INTEGER, true),
            new ColumnSpec("price", ColumnType.DECIMAL, false),
            new ColumnSpec("day", ColumnType.DATE, false),
            new ColumnSpec("at", ColumnType.TIMESTAMP, false));

    private static String write(List<?>... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter writer = new CsvTableWriter(out);
        writer.begin("Test", Map.of(), Instant.EPOCH, true);
        writer.beginSection("Test", COLUMNS);
        for (List<?> row : rows) {
            writer.row(row);
        }
        writer.endSection(rows.length, Arrays.asList(null, 0L, null, null, null));
        writer.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headerRowThenTypedValuesWithCrLf() throws IOException {
        assertEquals(
                "name,delta,price,day,at\r\n\"Bolt\",-5,1.50,2026-11-26,2026-11-26T10:00:00Z\r\n",
                write(List.of(
                        "Bolt",
                        -5L,
                        new BigDecimal("1.50"),
                        LocalDate.of(2026, 11, 26),
                        Instant.parse("2026-11-26T10:00:00Z"))));
    }

    @Test
    void quotesEveryTextFieldEvenAnEmptyOne() throws IOException {
        assertEquals(
                "name,delta,price,day,at\r\n\"Bolt\",,,,\r\n\"\",1,,,\r\n",
                write(Arrays.asList("Bolt", null, null, null, null), Arrays.asList(null, 1L, null, null, null)));
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        assertEquals(
                "name,delta,price,day,at\r\n\"a, b\",,,,\r\n\"say \"\"hi\"\"\",,,,\r\n\"two\r\nlines\",,,,\r\n",
                write(
                        Arrays.asList("a, b", null, null, null, null),
                        Arrays.asList("say \"hi\"", null, null, null, null),
                        Arrays.asList("two\r\nlines", null, null, null, null)));
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvTableWriter.neutralised(formula));
        }
        assertEquals("Bolt = nut", CsvTableWriter.neutralised("Bolt = nut"));
        assertEquals("Bolt, M8; zinc", CsvTableWriter.neutralised("Bolt, M8; zinc"));
        assertEquals("", CsvTableWriter.neutralised(""));
    }

    /** A spreadsheet that splits at ; (Excel in such a locale), , or a tab must find no formula in any piece. */
    @Test
    void aFormulaAfterASeparatorInsideTheTextIsNeutralisedToo() throws IOException {
        assertEquals("Jo;'=1+1;", CsvTableWriter.neutralised("Jo;=1+1;"));
        assertEquals("a,'+1,'-2\t'@x;'\tb", CsvTableWriter.neutralised("a,+1,-2\t@x;\tb"));
        assertEquals("'=a;'=b", CsvTableWriter.neutralised("=a;=b"));
        String line = write(Arrays.asList("Jo;=1+1;", null, null, null, null)).split("\r\n")[1];
        assertEquals("\"Jo;'=1+1;\",,,,", line);
        for (String piece : line.replace("\"", "").split("[;,\t]")) {
            assertEquals(-1, piece.isEmpty() ? -1 : "=+-@\t\r".indexOf(piece.charAt(0)), piece);
        }
    }

    @Test
    void aNeutralisedFormulaIsStillQuotedWhenItNeedsIt() throws IOException {
        assertEquals(
                "name,delta,price,day,at\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1,,,\r\n",
                write(Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", -1L, null, null, null)));
    }

    /** A cut export's CSV ends with a line whose quote never closes: it cannot pass for a whole file. */
    @Test
    void aCutFileEndsWithAnUnterminatedLineSayingWhy() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter writer = new CsvTableWriter(out);
        writer.begin("Test", Map.of(), Instant.EPOCH, true);
        writer.beginSection("Test", COLUMNS);
        writer.row(Arrays.asList("Bolt", 1L, null, null, null));
        writer.cut("the token was \"revoked\"");
        assertEquals(
                "name,delta,price,day,at\r\n\"Bolt\",1,,,\r\n\"export cut: the token was 'revoked'\r\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
