package io.factoryops.reporting;

import io.factoryops.reporting.export.ColumnSpec;
import io.factoryops.reporting.export.ColumnType;
import io.factoryops.reporting.export.ExportFormat;
import io.factoryops.reporting.export.Sections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link Report} as a document of the export writers: one table per section ({@link Report#sections()}),
 * its columns the row record's components by their JSON names (snake_case) and types (numbers, money, dates,
 * instants, texts), so that a report's CSV, XLSX and PDF hold what its JSON holds. The title names the report
 * and its period; the filters are the report's own parameters. No column is summed: a report has its totals.
 */
final class ReportDocument {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private ReportDocument() {}

    /** The report rendered in a format other than the stored JSON, in memory (a run, a mail attachment). */
    static byte[] bytes(Report report, String title, Map<String, String> filters, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, title, filters, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void write(Report report, String title, Map<String, String> filters, ExportFormat format, OutputStream out)
            throws IOException {
        Map<String, String> used = new LinkedHashMap<>();
        used.put("date_from", report.dateFrom().toString());
        used.put("date_to", report.dateTo().toString());
        used.putAll(filters);
        Sections.write(
                format,
                title + " " + report.dateFrom() + " to " + report.dateTo(),
                used,
                report.asOf(),
                sections(report),
                out);
    }

    static List<Sections.Section> sections(Report report) {
        Map<String, Class<?>> rowTypes = rowTypes(report.getClass());
        List<Sections.Section> sections = new ArrayList<>();
        report.sections().forEach((name, rows) -> {
            RecordComponent[] components = rowTypes.get(name).getRecordComponents();
            List<ColumnSpec> columns = new ArrayList<>();
            for (RecordComponent c : components) {
                columns.add(new ColumnSpec(snake(c.getName()), type(c.getType()), false));
            }
            List<List<?>> cells = new ArrayList<>();
            for (Record row : rows == null ? List.<Record>of() : rows) {
                List<Object> values = new ArrayList<>(components.length);
                for (RecordComponent c : components) {
                    values.add(value(c, row));
                }
                cells.add(values);
            }
            sections.add(new Sections.Section(name, columns, cells));
        });
        return sections;
    }

    /** The row record of each section, by the report's List components (named as the sections). */
    private static Map<String, Class<?>> rowTypes(Class<?> reportType) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (RecordComponent c : reportType.getRecordComponents()) {
            if (c.getType() == List.class
                    && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> row
                    && row.isRecord()) {
                types.put(snake(c.getName()), row);
            }
        }
        return types;
    }

    private static ColumnType type(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return ColumnType.INTEGER;
        }
        if (type == BigDecimal.class) {
            return ColumnType.DECIMAL;
        }
        if (type == LocalDate.class) {
            return ColumnType.DATE;
        }
        if (type == Instant.class) {
            return ColumnType.TIMESTAMP;
        }
        if (type == boolean.class || type == Boolean.class) {
            return ColumnType.BOOLEAN;
        }
        return ColumnType.TEXT;
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            Object value = component.getAccessor().invoke(row);
            return value == null
                            || value instanceof Number
                            || value instanceof Boolean
                            || value instanceof LocalDate
                            || value instanceof Instant
                    ? value
                    : value.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    static String snake(String camel) {
        return CAMEL.matcher(camel).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
