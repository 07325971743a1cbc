package io.factoryops.reporting.export;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an export: checks what can be checked before the first byte (the format, the PDF row limit),
 * then returns a body that streams the rows from the database to the socket when JAX-RS writes it.
 *
 * <p>The resource method returns before the body is written, so the transaction cannot be the resource's
 * or a service method's: the body begins its own ({@link UserTransaction}, with a timeout of its own,
 * {@code factory.export.transaction-timeout-seconds}, since a million rows take longer than Liberty's
 * default 120 s), streams inside it, and ends it however the writing ends. A client that goes away
 * makes the socket's write fail: the cursor is closed ({@link Rows#forEach}), the transaction rolled back
 * and the connection goes back to the pool.
 */
@ApplicationScoped
public class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

    @Inject
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "factory.export.pdf-max-rows", defaultValue = "5000")
    int pdfMaxRows;

    @Inject
    @ConfigProperty(name = "factory.export.transaction-timeout-seconds", defaultValue = "3600")
    int timeoutSeconds;

    /**
     * The answer of an export: 200 with a streamed body and {@code Content-Disposition: attachment;
     * filename="<table>-<today, UTC>.<format>"}; 400 {@code EXPORT_TOO_LARGE} for a PDF of more rows than
     * {@code factory.export.pdf-max-rows} ({@link #limitPdf}).
     */
    public <R> Response answer(Table<R> table, Rows<R> rows, ExportFormat format, Map<String, String> filters) {
        limitPdf(format, () -> inTransaction(rows::count));
        String filename = table.name() + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format.value();
        StreamingOutput body = out -> write(table, rows, format, filters, out);
        return Response.ok(body, format.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    /**
     * 400 {@code EXPORT_TOO_LARGE} when a PDF is asked for and it would hold more rows than
     * {@code factory.export.pdf-max-rows} (a PDF of a million rows is no report); {@code rows} is only
     * counted for a PDF.
     */
    public void limitPdf(ExportFormat format, LongSupplier rows) {
        if (format != ExportFormat.PDF) {
            return;
        }
        long count = rows.getAsLong();
        if (count > pdfMaxRows) {
            throw new ApiException(ErrorCode.EXPORT_TOO_LARGE, "A PDF holds at most " + pdfMaxRows
                    + " rows and these parameters select " + count + "; narrow them (e.g. date_from, date_to) or "
                    + "ask for format=csv or format=xlsx, which have no limit", List.of(), Map.of(),
                    Map.of("max_rows", pdfMaxRows, "rows", count));
        }
    }

    private <R> void write(Table<R> table, Rows<R> rows, ExportFormat format, Map<String, String> filters,
                           OutputStream out) throws IOException {
        long[] written = {0};
        begin();
        try {
            TableWriter writer = format.writer(out);
            writer.begin(table.title(), filters, Instant.now(), true);
            writer.beginSection(table.title(), table.specs());
            List<ColumnSpec> specs = table.specs();
            Object[] totals = new Object[specs.size()];
            long count = rows.forEach(row -> {
                written[0]++;
                List<Object> cells = table.cells(row);
                for (int i = 0; i < totals.length; i++) {
                    if (specs.get(i).summed()) {
                        totals[i] = Cells.add(totals[i], cells.get(i));
                    }
                }
                try {
                    writer.row(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.endSection(count, new ArrayList<>(Arrays.asList(totals)));
            writer.end();
            commit();
        } catch (UncheckedIOException e) {
            rollback();
            LOG.info(() -> "Export of " + table.name() + " as " + format.value() + " ended after " + written[0]
                    + " rows: the client went away (" + e.getCause().getMessage() + "); cursor closed, rolled back");
            throw e.getCause();
        } catch (IOException | RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        begin();
        try {
            T result = work.get();
            commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    private void begin() {
        try {
            transaction.setTransactionTimeout(timeoutSeconds);
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin the export's transaction", e);
        }
    }

    private void commit() {
        try {
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot end the export's transaction", e);
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot roll the export's transaction back", e);
        }
    }
}
