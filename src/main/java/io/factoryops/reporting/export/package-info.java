/**
 * Exports: every list of the API as JSON, CSV, XLSX or PDF ({@code /api/export/{resource}}), with the list's
 * filters, sort and role, streamed from the database to the socket through one writer interface per format.
 */
package io.factoryops.reporting.export;
