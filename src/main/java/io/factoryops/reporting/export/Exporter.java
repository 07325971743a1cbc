package io.factoryops.reporting.export;

import io.factoryops.identity.TokenService;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers an export: checks what can be checked before the first byte (the format, the PDF row limit, the
 * number of exports running: {@link ExportLimits}), then returns a body that streams the rows from the
 * database to the socket when JAX-RS writes it.
 *
 * <p>No transaction spans the body: the rows are read in keyset chunks, each in a short transaction of its
 * own that gives its connection back to the pool before the chunk is written ({@link Rows#forEach}), so a
 * client that reads slowly holds a thread, never a pooled connection. Between rows the body checks that the
 * export may go on: no longer than {@code factory.export.max-seconds} in all, and (at most every
 * {@code factory.export.token-recheck-seconds}) that the caller's token has not expired, been logged out, or
 * lost its account. Otherwise the body is cut: JSON, XLSX and PDF are left unfinished (no parser takes
 * them), CSV ends with an unterminated {@code "export cut: <reason>} line ({@link TableWriter#cut}). The HTTP
 * framing still ends normally: Liberty sends the last chunk of a response whose body failed after it was
 * committed, and the Servlet API has no way to abort a connection. A client that goes away makes the
 * socket's write fail and ends the export between two rows. Every export, however it ends, writes one audit
 * row (action {@code EXPORT}: the export, format, filters, rows written and {@link ExportOutcome}) in a
 * transaction of its own.
 */
@ApplicationScoped
public class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

    /** The audit row of an export. */
    static final AuditAction AUDIT_ACTION = AuditAction.EXPORT;

    static final String AUDIT_ENTITY = "export";

    @Inject
    UserTransaction transaction;

    @Inject
    ExportLimits limits;

    @Inject
    AuditService audit;

    @Inject
    TokenService tokens;

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "factory.export.pdf-max-rows", defaultValue = "5000")
    int pdfMaxRows;

    @Inject
    @ConfigProperty(name = "factory.export.transaction-timeout-seconds", defaultValue = "660")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "factory.export.max-seconds", defaultValue = "900")
    int maxSeconds;

    @Inject
    @ConfigProperty(name = "factory.export.token-recheck-seconds", defaultValue = "5")
    int recheckSeconds;

    /**
     * The answer of an export: 200 with a streamed body and {@code Content-Disposition: attachment;
     * filename="<table>-<today, UTC>.<format>"}; 400 {@code EXPORT_TOO_LARGE} for a PDF of more rows than
     * {@code factory.export.pdf-max-rows} ({@link #limitPdf}); 429 {@code EXPORT_LIMIT_REACHED}.
     */
    public <R> Response answer(Table<R> table, Rows<R> rows, ExportFormat format, Map<String, String> filters) {
        limitPdf(format, () -> inTransaction(rows::count));
        String filename = table.name() + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format.value();
        return stream(
                table.name(),
                filename,
                format,
                filters,
                (out, guard) -> write(table, rows, format, filters, out, guard));
    }

    /** The format of an export's request: {@code format=} wins over {@code Accept}; 406 for none of them. */
    public static ExportFormat format(UriInfo uriInfo, HttpHeaders headers) {
        return ExportFormat.of(uriInfo.getQueryParameters().getFirst("format"), headers.getAcceptableMediaTypes());
    }

    /**
     * The query parameters an export was made with, as given (the first value of each, blank ones left out),
     * {@code format} and those {@code leftOut} aside: what its audit row and its file's header say.
     */
    public static Map<String, String> filters(UriInfo uriInfo, Predicate<String> leftOut) {
        return uriInfo.getQueryParameters().entrySet().stream()
                .filter(e -> !e.getKey().equals("format")
                        && !leftOut.test(e.getKey())
                        && !e.getValue().isEmpty()
                        && !e.getValue().get(0).isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0), (a, b) -> a, TreeMap::new));
    }

    /** The body of an export: writes it to {@code out}, asking {@code guard} before each row; returns the rows. */
    @FunctionalInterface
    public interface Body {
        long write(OutputStream out, Runnable guard) throws IOException;
    }

    /**
     * An export's answer: a slot of {@link ExportLimits} (or 429), then 200 with {@code body} streamed as an
     * attachment named {@code filename}; the slot given back and the audit row written when the body ends.
     */
    public Response stream(
            String export, String filename, ExportFormat format, Map<String, String> filters, Body body) {
        String actor = jwt.getName();
        ExportLimits.Slot slot = limits.acquire(actor);
        request.setAttribute(ExportSlotRelease.ATTRIBUTE, slot);
        Guard guard = new Guard(jwt);
        StreamingOutput output = out -> {
            long[] rows = {0};
            ExportOutcome outcome = ExportOutcome.FAILED;
            String reason = null;
            try {
                rows[0] = body.write(out, () -> {
                    guard.check();
                    rows[0]++;
                });
                outcome = ExportOutcome.COMPLETE;
            } catch (Stopped e) {
                outcome = e.outcome;
                reason = e.getMessage();
                LOG.info(() -> "Export of " + export + " as " + format.value() + " for " + actor + " cut after "
                        + rows[0] + " rows: " + e.getMessage());
                throw new IOException("export cut: " + e.getMessage());
            } catch (UncheckedIOException e) {
                outcome = ExportOutcome.CLIENT_GONE;
                reason = e.getCause().getMessage();
                LOG.info(() -> "Export of " + export + " as " + format.value() + " ended after " + rows[0]
                        + " rows: the client went away (" + e.getCause().getMessage() + ")");
                throw e.getCause();
            } catch (IOException e) {
                outcome = ExportOutcome.CLIENT_GONE;
                reason = e.getMessage();
                throw e;
            } finally {
                slot.close();
                audit(actor, export, format, filters, rows[0], outcome, reason);
            }
        };
        return Response.ok(output, format.contentType())
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
            throw new ApiException(
                    ErrorCode.EXPORT_TOO_LARGE,
                    "A PDF holds at most " + pdfMaxRows
                            + " rows and these parameters select " + count
                            + "; narrow them (e.g. date_from, date_to) or "
                            + "ask for format=csv or format=xlsx, which have no limit",
                    List.of(),
                    Map.of(),
                    Map.of("max_rows", pdfMaxRows, "rows", count));
        }
    }

    private <R> long write(
            Table<R> table,
            Rows<R> rows,
            ExportFormat format,
            Map<String, String> filters,
            OutputStream out,
            Runnable guard)
            throws IOException {
        TableWriter writer = format.writer(out);
        writer.begin(table.title(), filters, Instant.now(), true);
        writer.beginSection(table.title(), table.specs());
        List<ColumnSpec> specs = table.specs();
        Object[] totals = new Object[specs.size()];
        long count;
        try {
            count = rows.forEach(row -> {
                guard.run();
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
        } catch (Stopped e) {
            writer.cut(e.getMessage());
            throw e;
        }
        writer.endSection(count, new ArrayList<>(Arrays.asList(totals)));
        writer.end();
        return count;
    }

    /** Whether an export may go on: its time, its caller's token. */
    private final class Guard {

        private final JsonWebToken token;
        private final long deadlineNanos;
        private final long expiresAt;
        private long nextCheck;

        Guard(JsonWebToken token) {
            this.token = token;
            this.deadlineNanos = System.nanoTime()
                    + Duration.ofSeconds(Math.max(1, maxSeconds)).toNanos();
            this.expiresAt = token.getExpirationTime();
            this.nextCheck = System.nanoTime()
                    + Duration.ofSeconds(Math.max(0, recheckSeconds)).toNanos();
        }

        void check() {
            long now = System.nanoTime();
            if (now - deadlineNanos > 0) {
                throw new Stopped(
                        ExportOutcome.CUT_TIME_LIMIT, "longer than factory.export.max-seconds (" + maxSeconds + " s)");
            }
            if (now - nextCheck < 0) {
                return;
            }
            nextCheck = now + Duration.ofSeconds(Math.max(0, recheckSeconds)).toNanos();
            if (expiresAt > 0 && Instant.now().getEpochSecond() >= expiresAt) {
                throw new Stopped(ExportOutcome.CUT_TOKEN_REJECTED, "the access token expired");
            }
            String reason = tokens.rejectionReason(token);
            if (reason != null) {
                throw new Stopped(ExportOutcome.CUT_TOKEN_REJECTED, reason);
            }
        }
    }

    /** An export that may not go on. */
    private static final class Stopped extends RuntimeException {

        private final transient ExportOutcome outcome;

        Stopped(ExportOutcome outcome, String reason) {
            super(reason, null, false, false);
            this.outcome = outcome;
        }
    }

    private void audit(
            String actor,
            String export,
            ExportFormat format,
            Map<String, String> filters,
            long rows,
            ExportOutcome outcome,
            String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.value());
        details.put("filters", filters);
        details.put("rows", rows);
        details.put("outcome", outcome.value());
        if (reason != null) {
            details.put("reason", reason);
        }
        try {
            audit.recordIndependently(actor, AUDIT_ACTION, AUDIT_ENTITY, export, details);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot write the audit row of an export of " + export + " by " + actor, e);
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
