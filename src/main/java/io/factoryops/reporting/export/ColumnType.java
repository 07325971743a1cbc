package io.factoryops.reporting.export;

/**
 * The type of an export column, which each writer keeps: a number stays a number in JSON and XLSX, a
 * date a date. The Java value of a cell: TEXT a String, INTEGER a Long or Integer, DECIMAL a BigDecimal,
 * DATE a LocalDate, TIMESTAMP an Instant (UTC), BOOLEAN a Boolean; any of them may be null.
 */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    TIMESTAMP,
    BOOLEAN
}
