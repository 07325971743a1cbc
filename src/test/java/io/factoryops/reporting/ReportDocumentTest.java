package io.factoryops.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factoryops.reporting.SupplierReport.SupplierPerformance;
import io.factoryops.reporting.export.ColumnSpec;
import io.factoryops.reporting.export.ColumnType;
import io.factoryops.reporting.export.ExportFormat;
import io.factoryops.reporting.export.Sections;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report's sections as tables: the rows' JSON names and types, empty sections with their columns. */
class ReportDocumentTest {

    private static final SupplierReport REPORT = new SupplierReport(
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31),
            Instant.parse("2026-11-01T02:00:00Z"),
            null,
            100,
            List.of(new SupplierPerformance(
                    7,
                    "ACME",
                    "Acme, \"the\" supplier",
                    null,
                    new BigDecimal("120.50"),
                    2,
                    1,
                    2,
                    new BigDecimal("0.5000"),
                    null,
                    null,
                    0)));

    @Test
    void columnsAreTheRowsJsonNamesAndTypes() {
        List<Sections.Section> sections = ReportDocument.sections(REPORT);
        assertEquals(1, sections.size());
        List<ColumnSpec> columns = sections.get(0).columns();
        assertEquals("supplier_id", columns.get(0).name());
        assertEquals(ColumnType.INTEGER, columns.get(0).type());
        assertEquals(new ColumnSpec("lead_time_days", ColumnType.INTEGER, false), columns.get(3));
        assertEquals(new ColumnSpec("spend", ColumnType.DECIMAL, false), columns.get(4));
        assertEquals(new ColumnSpec("rejected_purchase_orders", ColumnType.INTEGER, false), columns.get(11));
        assertEquals(
                Arrays.asList(
                        7L,
                        "ACME",
                        "Acme, \"the\" supplier",
                        null,
                        new BigDecimal("120.50"),
                        2L,
                        1L,
                        2L,
                        new BigDecimal("0.5000"),
                        null,
                        null,
                        0L),
                sections.get(0).rows().get(0));
    }

    @Test
    void anEmptySectionKeepsItsHeader() {
        SupplierReport empty =
                new SupplierReport(REPORT.dateFrom(), REPORT.dateTo(), REPORT.asOf(), null, 100, List.of());
        String csv = new String(
                ReportDocument.bytes(empty, "Supplier report", Map.of(), ExportFormat.CSV), StandardCharsets.UTF_8);
        assertEquals(
                "supplier_id,supplier_code,supplier_name,lead_time_days,spend,purchase_orders_received,on_time,"
                        + "with_expected_date,on_time_rate,average_lead_time_days,lead_time_variance_days,"
                        + "rejected_purchase_orders\r\n",
                csv);
    }

    @Test
    void snakeCaseAsJsonBWritesIt() {
        assertEquals("average_approval_hours", ReportDocument.snake("averageApprovalHours"));
        assertEquals("by_category", ReportDocument.snake("byCategory"));
        assertEquals("totals", ReportDocument.snake("totals"));
    }
}
