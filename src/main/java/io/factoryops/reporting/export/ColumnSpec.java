package io.factoryops.reporting.export;

/**
 * A column as the writers see it: its name (the list's JSON property, snake_case), its type, and whether
 * the table's totals add it up.
 */
public record ColumnSpec(String name, ColumnType type, boolean summed) {}
