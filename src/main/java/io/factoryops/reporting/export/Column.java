package io.factoryops.reporting.export;

import java.util.function.Function;

/** A column of a table of rows of type R: what the writers see, and how a row gives its cell. */
public record Column<R>(ColumnSpec spec, Function<? super R, ?> value) {

    public static <R> Column<R> text(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.TEXT, false), value);
    }

    public static <R> Column<R> integer(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.INTEGER, false), value);
    }

    /** An integer column that the totals add up (quantities). */
    public static <R> Column<R> summedInteger(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.INTEGER, true), value);
    }

    public static <R> Column<R> decimal(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.DECIMAL, false), value);
    }

    /** A decimal column that the totals add up (money). */
    public static <R> Column<R> summedDecimal(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.DECIMAL, true), value);
    }

    public static <R> Column<R> date(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.DATE, false), value);
    }

    public static <R> Column<R> timestamp(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.TIMESTAMP, false), value);
    }

    public static <R> Column<R> bool(String name, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(name, ColumnType.BOOLEAN, false), value);
    }
}
