package io.factoryops.reporting.export;

import java.util.ArrayList;
import java.util.List;

/**
 * What an export writes of rows of type R: its name (the file's and the sheet's), its title and its
 * columns, named as the list's JSON properties.
 */
public record Table<R>(String name, String title, List<Column<R>> columns) {

    @SafeVarargs
    public static <R> Table<R> of(String name, String title, Column<R>... columns) {
        return new Table<>(name, title, List.of(columns));
    }

    public List<ColumnSpec> specs() {
        return columns.stream().map(Column::spec).toList();
    }

    /** The cells of one row, in column order. */
    List<Object> cells(R row) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Column<R> column : columns) {
            cells.add(column.value().apply(row));
        }
        return cells;
    }
}
