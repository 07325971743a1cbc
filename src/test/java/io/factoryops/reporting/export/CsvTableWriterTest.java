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

    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("name", ColumnType.TEXT, false),
            new ColumnSpec("delta", ColumnType.INTEGER, true), new ColumnSpec("price", ColumnType.DECIMAL, false),
            new ColumnSpec("day", ColumnType.DATE, false), new ColumnSpec("at", ColumnType.TIMESTAMP, false));

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
        assertEquals("name,delta,price,day,at\r\nBolt,-5,1.50,2026-11-26,2026-11-26T10:00:00Z\r\n",
                write(List.of("Bolt", -5L, new BigDecimal("1.50"), LocalDate.of(2026, 11, 26),
                        Instant.parse("2026-11-26T10:00:00Z"))));
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        assertEquals("name,delta,price,day,at\r\n\"a, b\",,,,\r\n\"say \"\"hi\"\"\",,,,\r\n\"two\r\nlines\",,,,\r\n",
                write(Arrays.asList("a, b", null, null, null, null), Arrays.asList("say \"hi\"", null, null, null, null),
                        Arrays.asList("two\r\nlines", null, null, null, null)));
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvTableWriter.neutralised(formula));
        }
        assertEquals("Bolt = nut", CsvTableWriter.neutralised("Bolt = nut"));
        assertEquals("", CsvTableWriter.neutralised(""));
    }

    @Test
    void aNeutralisedFormulaIsStillQuotedWhenItNeedsIt() throws IOException {
        assertEquals("name,delta,price,day,at\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1,,,\r\n",
                write(Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", -1L, null, null, null)));
    }
}
