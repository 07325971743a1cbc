package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.ConnectionPool;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 23, exports against clients that stop reading, through real sockets to the test server:
 * <ul>
 * <li>an export whose client has stopped reading holds no pooled connection: while two such exports are
 * stalled (not finished: no audit row yet, most of the file unread), Liberty's pool gauges for
 * {@code jdbc/factory} show no more connections out of the free pool than before they began, and requests
 * that need the database are answered; read on, the exports complete with every row;</li>
 * <li>a logout cuts a stalled export: once its client reads a little more, the export stops at the next row
 * (the token is rechecked every second on the test server) and writes its {@code cut_token_rejected} audit
 * row while most of the file is still unsent; the client gets a cut CSV, which no RFC 4180 parser takes;</li>
 * <li>an export stalled past {@code factory.export.max-seconds} (30 s on the test server) is cut at the next
 * row once its client reads on: {@code cut_time_limit}. It is started before the other tests and checked
 * last, so that the others run while it waits.</li>
 * </ul>
 * A fair stall needs an export larger than what the loopback's socket buffers take (Linux autotunes the
 * server's send buffer up to {@code tcp_wmem}'s 4 MiB: a client that does not read blocks nothing smaller):
 * the fixture is 320 purchase orders of 100 lines, whose creation audit rows make an audit-log export of
 * about 14 MB, and each stalled client has a 2 KB receive window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportStallIT {

    /** The purchase orders of the fixture, each a creation audit row of about 44 KB. */
    private static final int ORDERS = 320;
    /** The least size of the export: more than twice the 4 MiB the loopback's buffers may take. */
    private static final int LEAST_BYTES = 10 << 20;
    /** Less than half the export: a logged-out export stops before its client has read that much. */
    private static final int HALF = 5 << 20;
    /** factory.export.max-seconds of the test server (src/test/liberty/jvm.options). */
    private static final int MAX_SECONDS = 30;

    /** Who created the purchase orders: the audit log's filter {@code actor} of the export. */
    private static String creator;
    /** In each order's notes: counts the rows of the export that a client received. */
    private static String marker;
    /** The export that outlives factory.export.max-seconds, its caller, and when its head came (System.nanoTime). */
    private static Stalled overdue;

    private static String overdueExporter;
    private static long overdueSince;

    @BeforeAll
    static void purchaseOrders() throws Exception {
        marker = "STALL-" + Api.RUN + "-";
        String manager = Api.tokenFor("manager");
        long supplier = Fixtures.supplier();
        // 100 parts with long SKUs and names: each order's audit row repeats them for its 100 lines
        List<Long> parts = Concurrently.run(4, t -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = t * 25; i < (t + 1) * 25; i++) {
                        String sku = ("S-" + Api.RUN + "-" + i + "-").toUpperCase(Locale.ROOT);
                        sku = sku + "X".repeat(64 - sku.length());
                        try (Response r = as(manager, "api/inventory/items")
                                .post(json(object(
                                        "sku",
                                        sku,
                                        "name",
                                        ("Part " + sku + " ").repeat(3).substring(0, 200),
                                        "unit_cost",
                                        new BigDecimal("1.50"),
                                        "reorder_level",
                                        0)))) {
                            assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
                            ids.add(body(r).getJsonNumber("id").longValue());
                        }
                    }
                    return ids;
                })
                .stream()
                .flatMap(List::stream)
                .toList();
        List<JsonObject> lines = parts.stream()
                .map(part -> object("item_id", part, "quantity", 1, "unit_cost", new BigDecimal("1.50")))
                .toList();
        creator = Api.createUser("manager");
        String token = Api.login(creator, Api.PASSWORD).getString("access_token");
        Concurrently.run(4, t -> {
            for (int i = t; i < ORDERS; i += 4) {
                String notes = marker + i + " " + "n".repeat(1900);
                try (Response r = as(token, "api/purchase-orders")
                        .post(json(object("supplier_id", supplier, "notes", notes, "lines", lines)))) {
                    assertEquals(201, r.getStatus(), () -> r.readEntity(String.class));
                }
            }
            return null;
        });
        overdueExporter = Api.createUser("admin");
        overdue = Stalled.start(Api.login(overdueExporter, Api.PASSWORD).getString("access_token"));
        overdueSince = System.nanoTime(); // after the answer's head: the server's clock for it started before
    }

    @AfterAll
    static void closeOverdue() throws IOException {
        if (overdue != null) {
            overdue.close();
        }
    }

    /**
     * Two exports of an account stalled by clients that stop reading: neither is finished (no audit row,
     * most of the file unread), and yet the pool has no connection more out of its free pool than before they
     * began (the least of ten readings, against the least of ten before: the test server's timers take a
     * connection now and then), and requests that need the database are answered at once. An export that
     * held its connection (or its transaction) while it waits for the client shows two more in every reading
     * (checked: with one transaction around the whole body, 1 before and 3 while stalled). Read on, both
     * complete: every row, and a {@code complete} audit row. The pool (40) is larger than the exports that
     * may run at once (8), so the answered requests show only that the server is not held up, not the pool.
     */
    @Test
    @Order(1)
    void stalledExportsHoldNoPooledConnection() throws Exception {
        String exporter = Api.createUser("admin");
        String token = Api.login(exporter, Api.PASSWORD).getString("access_token");
        long before = ConnectionPool.leastHeld();
        List<Stalled> stalled = new ArrayList<>();
        try {
            stalled.add(Stalled.start(token));
            stalled.add(Stalled.start(token));
            Thread.sleep(1500); // the server fills the buffers and blocks
            long during = ConnectionPool.leastHeld();
            assertTrue(exportAudits(exporter).isEmpty(), "an export finished: the buffers took it whole");
            assertTrue(
                    during <= before,
                    "connections held: " + before + " before the stalled exports, " + during
                            + " while they are stalled");
            String other = Api.tokenFor("admin");
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                try (Response r =
                        as(other, "api/purchase-orders", "per_page", 5).get()) {
                    assertEquals(200, r.getStatus());
                    assertEquals(5, body(r).getJsonArray("data").size());
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 5_000, "a list took " + millis + " ms while exports are stalled");
            }
            assertTrue(exportAudits(exporter).isEmpty(), "an export finished while its client did not read");
            for (String csv : Concurrently.run(2, t -> stalled.get(t).readToTheEnd())) { // both end soon
                assertTrue(
                        csv.length() >= LEAST_BYTES,
                        "an export of " + csv.length() + " bytes is too small to "
                                + "stall: the loopback's buffers take up to 4 MiB");
                assertEquals(ORDERS, rows(csv));
                try (CSVParser parser =
                        CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
                    assertEquals(ORDERS, parser.getRecords().size());
                }
            }
        } finally {
            for (Stalled export : stalled) {
                export.close();
            }
        }
        JsonArray audits = exportAudits(exporter);
        assertEquals(2, audits.size());
        for (JsonObject audit : audits.getValuesAs(JsonObject.class)) {
            assertEquals("complete", audit.getJsonObject("after").getString("outcome"));
            assertEquals(
                    ORDERS, audit.getJsonObject("after").getJsonNumber("rows").longValue());
        }
        assertTrue(ConnectionPool.leastHeld() <= before, "connections left held");
    }

    /**
     * A stalled export whose caller logs out: once its client reads a little (its blocked write goes on),
     * the export checks the token at the next row and stops; its {@code cut_token_rejected} audit row is
     * written before the client has read half the file (5 MB of about 14), most of which was never sent. The client gets what the buffers held
     * and a last line {@code "export cut: …logout} that no RFC 4180 parser takes. An export that did not
     * recheck its token would write on and leave no audit row until its client had read all 320 rows (14 MB).
     */
    @Test
    @Order(2)
    void aLogoutCutsAStalledExport() throws Exception {
        String exporter = Api.createUser("admin");
        JsonObject login = Api.login(exporter, Api.PASSWORD);
        String token = login.getString("access_token");
        long before = ConnectionPool.leastHeld();
        try (Stalled export = Stalled.start(token)) {
            Thread.sleep(1500);
            assertTrue(exportAudits(exporter).isEmpty(), "the export finished: the buffers took it whole");
            try (Response r = as(token, "api/auth/logout")
                    .post(json(object("refresh_token", login.getString("refresh_token"))))) {
                assertEquals(204, r.getStatus());
            }
            Thread.sleep(1200); // past the test server's token recheck (1 s)
            assertCutWhenReadOn(export, exporter, "cut_token_rejected", "logout");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        long now = ConnectionPool.leastHeld();
        while (now > before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = ConnectionPool.leastHeld();
        }
        assertTrue(now <= before, "connections held: " + before + " before, " + now + " after");
    }

    /**
     * An export stalled past {@code factory.export.max-seconds}: not ended while its client does not read (its
     * write is blocked), cut at the next row once the client reads on, {@code cut_time_limit}. An export
     * without the limit would write on and leave no audit row until its client had read all 320 rows.
     */
    @Test
    @Order(3)
    void anExportStalledPastMaxSecondsIsCutWhenItsClientReadsOn() throws Exception {
        assertTrue(exportAudits(overdueExporter).isEmpty(), "the export finished: the buffers took it whole");
        long wait = overdueSince + (MAX_SECONDS + 1) * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
        assertTrue(exportAudits(overdueExporter).isEmpty(), "the stalled export ended on its own");
        assertCutWhenReadOn(
                overdue, overdueExporter, "cut_time_limit", "factory.export.max-seconds (" + MAX_SECONDS + " s)");
    }

    /**
     * The client of a stalled export reads on, a little at a time, until the export's audit row says it ended:
     * the server's blocked write goes on once the socket's send buffer has drained enough (Linux wakes a
     * writer when a third of the buffer is free), and the next row's check stops it. Asserts the audit row
     * ({@code outcome}, a {@code reason} containing {@code why}) came before the client had read half the
     * export, that it counts less than half the rows, and that the client got a cut CSV: at most the rows
     * audited, then a last line {@code "export cut: …why} that no RFC 4180 parser takes.
     */
    private static void assertCutWhenReadOn(Stalled export, String exporter, String outcome, String why)
            throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonArray audits = exportAudits(exporter);
        while (audits.isEmpty() && export.received() < HALF && System.nanoTime() < deadline) {
            export.read(128 * 1024);
            Thread.sleep(50);
            audits = exportAudits(exporter);
        }
        int received = export.received();
        assertEquals(
                1,
                audits.size(),
                "no audit row of the export, the client having read " + received + " bytes: it did not stop");
        assertTrue(received < HALF, "the client read " + received + " bytes before the export stopped");
        JsonObject after = audits.getJsonObject(0).getJsonObject("after");
        assertEquals(outcome, after.getString("outcome"), after.toString());
        assertTrue(after.getString("reason").contains(why), after.toString());
        long written = after.getJsonNumber("rows").longValue();
        assertTrue(written < ORDERS / 2, "rows written before the cut: " + written);
        String csv = export.readToTheEnd();
        assertTrue(rows(csv) <= written, "rows received " + rows(csv) + ", audited " + written);
        String last = csv.substring(csv.lastIndexOf("\r\n", csv.length() - 3) + 2);
        assertTrue(last.startsWith("\"export cut: ") && last.contains(why), last);
        assertThrows(Exception.class, () -> {
            try (CSVParser parser =
                    CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
                parser.getRecords();
            }
        });
    }

    /** The rows of the export in a CSV text: each holds its order's marker once. */
    private static int rows(String csv) {
        return csv.split(marker, -1).length - 1;
    }

    /** The export: the creation audit rows of the fixture's purchase orders, as CSV. */
    private static String exportPath() {
        return "/api/export/audit-logs?actor=" + creator + "&entity_type=purchase_order&action=CREATE&format=csv";
    }

    /** The EXPORT audit rows of {@code exporter}, newest first. */
    private static JsonArray exportAudits(String exporter) {
        return Fixtures.exportAudits(exporter);
    }

    /**
     * A client of the export on a socket with a 2 KB receive window that has read the answer's head and
     * stops reading.
     */
    private static final class Stalled implements AutoCloseable {

        private final Socket socket;
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

        private Stalled(Socket socket) {
            this.socket = socket;
        }

        static Stalled start(String token) throws IOException {
            URI base = URI.create(Api.BASE);
            Socket socket = new Socket();
            socket.setReceiveBufferSize(2048); // before connect: the window the server sees
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + exportPath() + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                            + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Stalled stalled = new Stalled(socket);
            stalled.read(4096);
            String head = stalled.raw.toString(StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"), head);
            return stalled;
        }

        /** Reads {@code bytes} more (fewer at the end of the answer). */
        void read(int bytes) throws IOException {
            raw.write(socket.getInputStream().readNBytes(bytes));
        }

        /** Reads the answer to its end (through a 64 KB window from now on); returns its body, de-chunked. */
        String readToTheEnd() throws IOException {
            socket.setReceiveBufferSize(65536);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    raw.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // a reset after a cut body: what was read is what the client has
            }
            return dechunk(raw.toString(StandardCharsets.ISO_8859_1));
        }

        private static String dechunk(String answer) {
            StringBuilder body = new StringBuilder();
            int at = answer.indexOf("\r\n\r\n") + 4;
            while (true) {
                int eol = answer.indexOf("\r\n", at);
                if (eol < 0) {
                    break;
                }
                int size =
                        Integer.parseInt(answer.substring(at, eol).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(answer, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            return body.toString();
        }

        /** The bytes read so far, the answer's head included. */
        int received() {
            return raw.size();
        }

        @Override
        public void close() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }
}
