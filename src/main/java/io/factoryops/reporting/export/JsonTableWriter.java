package io.factoryops.reporting.export;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JSON, streamed: a list's export ({@code list}) is an array of row objects with the list's property names (snake_case)
 * and JSON types (numbers, booleans; dates and instants as ISO-8601 strings), nulls left out as the API
 * leaves them out. A document of several sections (a report) is one object: {@code title}, {@code filters},
 * {@code generated_at} and {@code sections: [{name, rows: […], row_count, totals}]}.
 */
final class JsonTableWriter implements TableWriter {

    private final JsonGenerator json;
    private boolean single;
    private List<ColumnSpec> columns;

    JsonTableWriter(OutputStream out) {
        this.json = Json.createGenerator(out);
    }

    @Override
    public void begin(String title, Map<String, String> filters, Instant generatedAt, boolean list) {
        single = list;
        if (!single) {
            json.writeStartObject().write("title", title);
            json.writeStartObject("filters");
            filters.forEach(json::write);
            json.writeEnd().write("generated_at", generatedAt.toString()).writeStartArray("sections");
        }
    }

    @Override
    public void beginSection(String name, List<ColumnSpec> columns) {
        this.columns = columns;
        if (!single) {
            json.writeStartObject().write("name", name).writeStartArray("rows");
        } else {
            json.writeStartArray();
        }
    }

    @Override
    public void row(List<?> values) {
        json.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            write(columns.get(i).name(), values.get(i));
        }
        json.writeEnd();
    }

    @Override
    public void endSection(long rows, List<?> totals) {
        json.writeEnd();
        if (!single) {
            json.write("row_count", rows).writeStartObject("totals");
            for (int i = 0; i < totals.size(); i++) {
                write(columns.get(i).name(), totals.get(i));
            }
            json.writeEnd().writeEnd();
        }
    }

    @Override
    public void end() {
        if (!single) {
            json.writeEnd().writeEnd();
        }
        json.flush();
    }

    private void write(String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            json.write(name, d);
        } else if (value instanceof Long l) {
            json.write(name, l);
        } else if (value instanceof Integer n) {
            json.write(name, n);
        } else if (value instanceof Boolean b) {
            json.write(name, b);
        } else {
            json.write(name, value.toString());
        }
    }
}
