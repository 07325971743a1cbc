package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertOk;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.Fixtures.orderBody;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.ConnectionPool;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.Mailbox;
import it.io.factoryops.support.ReportFiles;
import it.io.factoryops.support.SelfService;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports: each format parsed back and compared with the JSON list of the same filters, formula
 * injection, the Link from a list to its export, the roles of every export, the bad requests, and a
 * client that goes away mid-export.
 */
class ExportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A customer name that a spreadsheet would run as a formula. */
    private static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"click\") " + Api.RUN;

    private static final String user = Api.tokenFor("user");
    private static long customer;
    private static long product;
    private static final List<Long> placed = new ArrayList<>();

    @BeforeAll
    static void orders() {
        String email = Api.uniqueEmail("export");
        try (Response r = as(Api.tokenFor("admin"), "api/customers")
                .post(json(object(
                        "name", EVIL, "email", email, "phone", "+1 555 0100", "address", "1 Plant Road, Hall 2")))) {
            assertEquals(201, r.getStatus());
            customer = body(r).getJsonNumber("id").longValue();
        }
        product = Fixtures.product("12.35", 1000);
        for (int quantity : new int[] {1, 2, 7}) {
            try (Response r = as(user, "api/orders").post(json(orderBody(customer, product, quantity)))) {
                assertEquals(201, r.getStatus());
                placed.add(body(r).getJsonNumber("id").longValue());
            }
        }
    }

    /** The list's rows for this customer, sorted by id, as the JSON list answers them. */
    private static JsonArray list() {
        try (Response r = as(user, "api/orders", "customer_id", customer, "sort", "id", "per_page", 100)
                .get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonArray("data");
        }
    }

    private static byte[] export(String format) {
        try (Response r = as(user, "api/export/orders", "customer_id", customer, "sort", "id", "format", format)
                .get()) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
            String disposition = r.getHeaderString("Content-Disposition");
            assertEquals(
                    "attachment; filename=\"orders-" + LocalDate.now(ZoneOffset.UTC) + "." + format + "\"",
                    disposition);
            return r.readEntity(byte[].class);
        }
    }

    @Test
    void jsonIsTheListsRowsWithoutPages() {
        JsonArray list = list();
        assertEquals(3, list.size());
        JsonArray rows;
        try (var reader = Json.createReader(new StringReader(new String(export("json"), StandardCharsets.UTF_8)))) {
            rows = reader.readArray();
        }
        assertEquals(list.size(), rows.size());
        for (int i = 0; i < list.size(); i++) {
            JsonObject order = list.getJsonObject(i);
            JsonObject row = rows.getJsonObject(i);
            assertEquals(order.getJsonNumber("id"), row.getJsonNumber("id"));
            assertEquals(order.getString("status"), row.getString("status"));
            assertEquals(order.getString("order_date"), row.getString("order_date"));
            assertEquals(
                    order.getJsonNumber("total").bigDecimalValue(),
                    row.getJsonNumber("total").bigDecimalValue());
            assertEquals(
                    order.getJsonNumber("subtotal").bigDecimalValue(),
                    row.getJsonNumber("subtotal").bigDecimalValue());
            assertEquals(order.getJsonObject("customer").getString("name"), row.getString("customer_name"));
            assertEquals(order.getJsonArray("lines").getJsonObject(0).getInt("quantity"), row.getInt("units"));
        }
    }

    @Test
    void csvIsRfc4180WithTheListsRowsAndNoFormulas() throws IOException {
        JsonArray list = list();
        List<CSVRecord> records;
        try (CSVParser parser = ReportFiles.csvParser(new String(export("csv"), StandardCharsets.UTF_8))) {
            assertEquals(
                    List.of(
                            "id",
                            "order_date",
                            "status",
                            "customer_id",
                            "customer_name",
                            "units",
                            "subtotal",
                            "tax_rate",
                            "tax",
                            "total",
                            "created_by"),
                    parser.getHeaderNames());
            records = parser.getRecords();
        }
        assertEquals(list.size(), records.size());
        for (int i = 0; i < list.size(); i++) {
            JsonObject order = list.getJsonObject(i);
            CSVRecord row = records.get(i);
            assertEquals(order.getJsonNumber("id").toString(), row.get("id"));
            assertEquals(Instant.parse(order.getString("order_date")), Instant.parse(row.get("order_date")));
            assertEquals(order.getJsonNumber("total").bigDecimalValue(), new BigDecimal(row.get("total")));
            // the formula is text, not a formula: a leading apostrophe, the name whole after it
            assertEquals("'" + order.getJsonObject("customer").getString("name"), row.get("customer_name"));
        }
        assertEquals("'" + EVIL, records.get(0).get("customer_name"));
    }

    @Test
    void xlsxHasTypedCells() throws IOException {
        JsonArray list = list();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export("xlsx")))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("id", rows.get(0).getCellText(0));
            assertEquals("total", rows.get(0).getCellText(9));
            assertEquals(list.size() + 1, rows.size());
            for (int i = 0; i < list.size(); i++) {
                JsonObject order = list.getJsonObject(i);
                Row row = rows.get(i + 1);
                assertEquals(
                        order.getJsonNumber("id").bigDecimalValue(),
                        row.getCellAsNumber(0).orElseThrow());
                assertEquals(
                        order.getJsonNumber("total")
                                .bigDecimalValue()
                                .compareTo(row.getCellAsNumber(9).orElseThrow()),
                        0);
                LocalDateTime date = row.getCellAsDate(1).orElseThrow();
                assertEquals(
                        LocalDateTime.ofInstant(Instant.parse(order.getString("order_date")), ZoneOffset.UTC)
                                .withNano(0),
                        date.withNano(0));
                assertEquals(order.getJsonObject("customer").getString("name"), row.getCellText(4));
            }
            Row about = workbook.getSheets()
                    .filter(s -> s.getName().equals("About"))
                    .findFirst()
                    .orElseThrow()
                    .read()
                    .get(0);
            assertEquals("Orders", about.getCellText(0));
        }
    }

    @Test
    void pdfHasTitleFiltersRowsTotalsAndPageNumbers() throws IOException {
        JsonArray list = list();
        PdfReader pdf = new PdfReader(export("pdf"));
        String text = new PdfTextExtractor(pdf).getTextFromPage(1);
        assertTrue(text.contains("Orders"), text);
        assertTrue(text.contains("customer_id=" + customer), text);
        assertTrue(text.contains("Page 1"), text);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            JsonObject order = list.getJsonObject(i);
            assertTrue(text.contains(order.getJsonNumber("id").toString()), text);
            BigDecimal total = order.getJsonNumber("total").bigDecimalValue();
            assertTrue(text.contains(total.toPlainString()), text);
            sum = sum.add(total);
        }
        assertTrue(text.contains("Total (3 rows)"), text);
        assertTrue(text.contains(sum.toPlainString()), text);
    }

    @Test
    void theFormatComesFromAcceptWhenTheQueryDoesNotSayAndTheQueryWins() {
        try (Response r = as(user, "api/export/orders", "customer_id", customer)
                .header("Accept", "text/csv")
                .get()) {
            assertOk(r, "text/csv");
            assertTrue(r.readEntity(String.class).startsWith("id,order_date,"));
        }
        try (Response r = as(user, "api/export/orders", "customer_id", customer)
                .header("Accept", XLSX)
                .get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.getHeaderString("Content-Disposition").endsWith(".xlsx\""));
        }
        try (Response r = as(user, "api/export/orders", "customer_id", customer, "format", "json")
                .header("Accept", "text/csv")
                .get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.readEntity(String.class).startsWith("["));
        }
        try (Response r = as(user, "api/export/orders", "customer_id", customer).get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.getHeaderString("Content-Disposition").endsWith(".json\""));
        }
    }

    @Test
    void theListLinksItsExportWithTheSameFilters() {
        String link;
        try (Response r = as(user, "api/orders", "customer_id", customer, "sort", "id", "page", 1)
                .get()) {
            assertEquals(200, r.getStatus());
            link = r.getHeaderString("Link");
        }
        Matcher m = Pattern.compile("<([^>]+)>; rel=\"export\"").matcher(link);
        assertTrue(m.find(), link);
        URI export = URI.create(m.group(1));
        assertEquals("/api/export/orders", export.getPath());
        assertTrue(export.getQuery().contains("customer_id=" + customer), link);
        assertTrue(export.getQuery().contains("sort=id"), link);
        assertTrue(!export.getQuery().contains("page="), link);
        try (Response r = Api.target(export.getPath().substring(1))
                .queryParam("customer_id", customer)
                .queryParam("sort", "id")
                .queryParam("format", "csv")
                .request()
                .header("Authorization", "Bearer " + user)
                .get()) {
            assertEquals(200, r.getStatus());
            assertEquals(4, r.readEntity(String.class).split("\r\n").length);
        }
        try (Response r =
                as(user, "api/products/" + product + "/stock-movements").get()) {
            assertTrue(
                    r.getHeaderString("Link")
                            .contains("/api/export/stock-movements?product_id=" + product + ">; rel=\"export\""),
                    r.getHeaderString("Link"));
        }
    }

    @Test
    void stockMovementsOfAProductAsTheLedgerShowsThem() throws IOException {
        try (Response r = as(user, "api/export/stock-movements", "product_id", product, "format", "csv", "sort", "id")
                .get()) {
            assertEquals(200, r.getStatus());
            try (CSVParser parser = ReportFiles.csvParser(r.readEntity(String.class))) {
                List<CSVRecord> rows = parser.getRecords();
                assertEquals(4, rows.size()); // INITIAL and three orders
                assertEquals("INITIAL", rows.get(0).get("reason"));
                assertEquals("-7", rows.get(3).get("delta")); // a number, not neutralised
                assertEquals("990", rows.get(3).get("quantity_after"));
            }
        }
        assertRefused(as(user, "api/export/stock-movements", "format", "csv").get(), 400, "INVALID_PARAMETER");
        assertRefused(
                as(user, "api/export/stock-movements", "product_id", 999_999_999)
                        .get(),
                404,
                "NOT_FOUND");
    }

    @Test
    void unknownFormatIs406ListingTheSupportedOnes() {
        ReportFiles.assertUnsupportedFormat(
                as(user, "api/export/orders", "format", "xml").get());
        assertRefused(
                as(user, "api/export/orders").header("Accept", "image/png").get(), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void unknownExportIs404() {
        try (Response r = as(user, "api/export/widgets", "format", "csv").get()) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("purchase-orders"));
        }
    }

    @Test
    void badFiltersAreTheListsErrors() {
        assertRefused(as(user, "api/export/orders", "date_from", "yesterday").get(), 400, "INVALID_PARAMETER");
        assertRefused(as(user, "api/export/orders", "sort", "colour").get(), 400, "INVALID_PARAMETER");
    }

    /** The IT server allows 50 rows in a PDF (src/test/liberty/jvm.options); the audit log has more. */
    @Test
    void aPdfOfMoreRowsThanTheLimitIs400SuggestingCsv() {
        try (Response r = as(Api.tokenFor("admin"), "api/export/audit-logs", "format", "pdf")
                .get()) {
            JsonObject problem = assertProblem(r, 400, "EXPORT_TOO_LARGE");
            assertEquals(50, problem.getInt("max_rows"));
            assertTrue(problem.getJsonNumber("rows").longValue() > 50);
            assertTrue(problem.getString("detail").contains("format=csv"));
        }
        try (Response r = as(Api.tokenFor("admin"), "api/export/audit-logs", "format", "csv")
                .get()) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void eachExportTakesTheReadRoleOfItsList() {
        String mechanic = Fixtures.mechanicToken(Fixtures.mechanic());
        String manager = Api.tokenFor("manager");
        String admin = Api.tokenFor("admin");
        // export, a role that reads its list, a role that does not
        Map<String, String[]> cases = Map.of(
                "products", new String[] {mechanic, null},
                "inventory-items", new String[] {mechanic, null},
                "orders", new String[] {user, mechanic},
                "customers", new String[] {manager, user},
                "employees", new String[] {manager, user},
                "production", new String[] {manager, user},
                "suppliers", new String[] {manager, user},
                "purchase-orders", new String[] {manager, user},
                "audit-logs", new String[] {admin, manager});
        cases.forEach((export, tokens) -> {
            try (Response r =
                    as(tokens[0], "api/export/" + export, "format", "csv").get()) {
                assertEquals(200, r.getStatus(), export);
                assertTrue(r.readEntity(String.class).startsWith("id,"), export);
            }
            if (tokens[1] != null) {
                assertRefused(as(tokens[1], "api/export/" + export).get(), 403, "FORBIDDEN");
            }
            try (Response r = anonymous("api/export/" + export).get()) {
                assertEquals(401, r.getStatus(), export);
            }
        });
        try (Response r = as(mechanic, "api/export/stock-movements", "product_id", product)
                .get()) {
            assertEquals(200, r.getStatus());
            r.readEntity(String.class);
        }
    }

    /**
     * An export reads its rows in keyset chunks (3, 6, 12, then 16 rows on the test server): sorted by keys
     * that may be NULL, in either direction, it is still the list's rows in the list's order, each once.
     */
    @Test
    void nullableSortKeysInEitherDirectionGiveTheListsOrderAcrossChunks() {
        String admin = Api.tokenFor("admin");
        String marker = "Chunked " + Api.RUN;
        String[] positions = {null, "Welder", "Fitter", null, "Welder"};
        String[] hired = {null, "2020-01-02", "2021-03-04", "2020-01-02"};
        for (int i = 0; i < 41; i++) {
            String position = positions[i % positions.length];
            String hireDate = hired[i % hired.length];
            try (Response r = as(admin, "api/employees")
                    .post(json(sparse(
                            "name",
                            marker + " " + i,
                            "email",
                            Api.uniqueEmail("chunked"),
                            "position",
                            position,
                            "hire_date",
                            hireDate)))) {
                assertEquals(201, r.getStatus());
            }
        }
        String manager = Api.tokenFor("manager");
        for (String sort : new String[] {
            "position,-hire_date", "-position,hire_date", "-hire_date,-position", "hire_date,position,-id"
        }) {
            List<Long> listed = new ArrayList<>();
            try (Response r = as(manager, "api/employees", "q", marker, "sort", sort, "per_page", 100)
                    .get()) {
                assertEquals(200, r.getStatus());
                body(r).getJsonArray("data")
                        .forEach(e ->
                                listed.add(e.asJsonObject().getJsonNumber("id").longValue()));
            }
            assertEquals(41, listed.size());
            List<Long> exported = new ArrayList<>();
            try (Response r = as(manager, "api/export/employees", "q", marker, "sort", sort, "format", "json")
                    .get()) {
                assertEquals(200, r.getStatus());
                try (var reader = Json.createReader(new StringReader(r.readEntity(String.class)))) {
                    reader.readArray()
                            .forEach(e -> exported.add(
                                    e.asJsonObject().getJsonNumber("id").longValue()));
                }
            }
            assertEquals(listed, exported, sort);
        }
        // The id breaks ties in the direction of the last sort key (so that an index on (key, id) read
        // backwards serves a descending sort): equal hire dates come newest id first when descending.
        for (String sort : new String[] {"hire_date", "-hire_date"}) {
            List<JsonObject> rows = new ArrayList<>();
            try (Response r = as(manager, "api/employees", "q", marker, "sort", sort, "per_page", 100)
                    .get()) {
                assertEquals(200, r.getStatus());
                body(r).getJsonArray("data").forEach(e -> rows.add(e.asJsonObject()));
            }
            int ties = 0;
            for (int i = 1; i < rows.size(); i++) {
                JsonObject before = rows.get(i - 1);
                JsonObject row = rows.get(i);
                if (String.valueOf(before.get("hire_date")).equals(String.valueOf(row.get("hire_date")))) {
                    ties++;
                    long a = before.getJsonNumber("id").longValue();
                    long b = row.getJsonNumber("id").longValue();
                    assertTrue(sort.startsWith("-") ? a > b : a < b, sort + ": " + a + " then " + b);
                }
            }
            assertTrue(ties >= 30, sort + ": " + ties + " ties");
        }
    }

    /** The status line of a response read from a raw socket (a 429 is short: reading a fixed size would wait). */
    private static String statusLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    /**
     * A client that reads a few KB of a big export and goes away (a reset: its socket closed with unread
     * data): the server's write fails, the cursor is closed, the transaction rolled back, and the pool gets
     * its connection back; exports go on working.
     */
    @Test
    void aClientThatGoesAwayMidExportLeavesNoConnectionBehind() throws Exception {
        String admin = Api.tokenFor("admin");
        String category = "bulk-" + Api.RUN;
        String description = "x".repeat(1990);
        String creator = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        for (int i = 0; i < 250; i++) {
            try (Response r = as(creator, "api/products")
                    .post(json(bulkProduct("BULK-" + Api.RUN + "-" + i, "Bulk " + i, description, category)))) {
                assertEquals(201, r.getStatus());
            }
        }
        long before = ConnectionPool.held();
        URI base = URI.create(Api.BASE);
        for (int i = 0; i < 5; i++) {
            for (int attempt = 0; ; attempt++) {
                try (Socket socket = new Socket()) {
                    socket.setReceiveBufferSize(2048);
                    socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/export/products?category=" + category + "&format=csv HTTP/1.1\r\nHost: "
                                    + base.getHost() + "\r\nAuthorization: Bearer " + admin + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    String status = statusLine(in);
                    if (status.startsWith("HTTP/1.1 429") && attempt < 150) {
                        // the exports of the clients that went away have not all noticed it yet: their slots
                        // (2 per principal) are still taken; the server is right to refuse, try again shortly
                        Thread.sleep(200);
                        continue;
                    }
                    assertTrue(status.startsWith("HTTP/1.1 200"), status);
                    in.readNBytes(4096);
                    socket.setSoLinger(true, 0); // close with a reset, unread data and all
                    break;
                }
            }
        }
        // the connections come back: no more held than before, within a while
        long deadline = System.currentTimeMillis() + 30_000;
        long now = ConnectionPool.held();
        while (now > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            now = ConnectionPool.held();
        }
        assertTrue(now <= before, "connections held: " + before + " before, " + now + " after");
        for (int i = 0; i < 3; i++) {
            try (Response r = as(admin, "api/export/products", "category", category, "format", "csv")
                    .get()) {
                assertEquals(200, r.getStatus());
                assertEquals(251, r.readEntity(String.class).split("\r\n").length);
            }
        }
    }

    /**
     * Issue 23: a customer named {@code Jo;=1+1;} (anonymous registration) was written unquoted, and Excel in a
     * locale whose list separator is {@code ;} split it into a live formula. Every text field is quoted, and a
     * formula character after a separator inside it is neutralised: parsed back, the name is whole and
     * inert; split at {@code ;} as such a spreadsheet splits it, no piece starts a formula.
     */
    @Test
    void aCustomerNamedWithAFormulaAfterASemicolonIsQuotedAndInert() throws IOException {
        String email = Api.uniqueEmail("semicolon");
        try (Mailbox mailbox = Mailbox.open();
                SelfService self = SelfService.fromOwnAddress()) {
            self.registerAndConfirm(mailbox, "Jo;=1+1;", email);
        }
        String text;
        try (Response r = as(Api.tokenFor("manager"), "api/export/customers", "q", email, "format", "csv")
                .get()) {
            assertEquals(200, r.getStatus());
            text = r.readEntity(String.class);
        }
        List<CSVRecord> records;
        try (CSVParser parser = ReportFiles.csvParser(text)) {
            records = parser.getRecords();
        }
        assertEquals(1, records.size(), text);
        assertEquals("Jo;'=1+1;", records.get(0).get("name"));
        assertEquals(email, records.get(0).get("email"));
        String line = text.split("\r\n")[1];
        assertTrue(line.contains("\"Jo;'=1+1;\""), line);
        for (String piece : line.split("[;,\t]")) {
            String cell = piece.replace("\"", "");
            assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, line + ": " + cell);
        }
    }

    /** Issue 23: the customers' export is every customer's personal data at once: a manager's, not a user's. */
    @Test
    void theCustomersExportNeedsAManager() {
        assertRefused(as(user, "api/export/customers", "format", "csv").get(), 403, "FORBIDDEN");
        try (Response r = as(Api.tokenFor("manager"), "api/export/customers", "format", "csv")
                .get()) {
            assertEquals(200, r.getStatus());
            r.readEntity(String.class);
        }
        try (Response r = as(user, "api/customers").get()) {
            assertEquals(200, r.getStatus()); // looking customers up to take an order stays a user's
        }
    }

    private static String bulk;
    private static final int BULK_ROWS = 1000;

    /**
     * The category of 1,000 products of 2 KB each: an export of 2.1 MB, in chunks of at most 16 rows, that
     * takes the server seconds to write, so that exports overlap and a logout lands while one streams (the
     * loopback's socket buffers take about 2 MB here: a client that does not read blocks nothing smaller).
     * Four accounts create 250 each at once (each within its rate limit).
     */
    private static synchronized String bulk() throws Exception {
        if (bulk == null) {
            String category = "slow-" + Api.RUN;
            String description = "y".repeat(1990);
            List<String> creators = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // one at a time: logins hash passwords, which a queue bounds (503)
                creators.add(Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token"));
            }
            Concurrently.run(4, t -> {
                String creator = creators.get(t);
                for (int i = t * BULK_ROWS / 4; i < (t + 1) * BULK_ROWS / 4; i++) {
                    try (Response r = as(creator, "api/products")
                            .post(json(bulkProduct("SLOW-" + Api.RUN + "-" + i, "Slow " + i, description, category)))) {
                        assertEquals(201, r.getStatus());
                    }
                }
                return null;
            });
            bulk = category;
        }
        return bulk;
    }

    /** A client of an export on a socket, and the first bytes it read (the answer's head). */
    private record Slow(Socket socket, String head) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A client with a 2 KB receive window that asks for the bulk export and reads its first 4 KB. */
    private static Slow slowExport(String token) throws Exception {
        URI base = URI.create(Api.BASE);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/export/products?category=" + bulk() + "&format=csv HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), head);
        return new Slow(socket, head);
    }

    /** The last audit row of an export of {@code export} by {@code actor}. */
    private static JsonObject exportAudit(String actor, String export) {
        JsonArray rows = Fixtures.exportAudits(actor, "entity_id", export);
        assertTrue(!rows.isEmpty(), "no audit row of the export of " + export + " by " + actor);
        return rows.getJsonObject(0);
    }

    /**
     * Issue 23: exports per principal are capped (2 on the test server): a third while two run is 429
     * EXPORT_LIMIT_REACHED with Retry-After; another principal still exports; the slots come back when the
     * exports end (here: their clients go away), and a complete export is audited with its row count.
     */
    @Test
    void aPrincipalRunsAtMostTwoExportsAtOnceAndTheSlotsComeBack() throws Exception {
        bulk();
        String username = Api.createUser("user");
        String token = Api.login(username, Api.PASSWORD).getString("access_token");
        List<Slow> held = new ArrayList<>();
        try {
            held.add(slowExport(token));
            held.add(slowExport(token));
            try (Response r = as(token, "api/export/products", "category", bulk(), "format", "csv")
                    .get()) {
                JsonObject problem = assertProblem(r, 429, "EXPORT_LIMIT_REACHED");
                assertNotNull(r.getHeaderString("Retry-After"));
                assertTrue(problem.getString("detail").contains("2 exports running"), problem.getString("detail"));
            }
            try (Response r = as(Api.tokenFor("user"), "api/export/products", "category", bulk(), "format", "csv")
                    .get()) {
                assertEquals(200, r.getStatus()); // another principal is not held up
                r.readEntity(String.class);
            }
        } finally {
            for (Slow slow : held) {
                slow.socket().setSoLinger(true, 0); // the clients go away: the writes fail, the slots come back
                slow.close();
            }
        }
        long deadline = System.currentTimeMillis() + 70_000;
        int status;
        String csv = null;
        do {
            try (Response r = as(token, "api/export/products", "category", bulk(), "format", "csv")
                    .get()) {
                status = r.getStatus();
                if (status == 200) {
                    csv = r.readEntity(String.class);
                } else {
                    assertProblem(r, 429, "EXPORT_LIMIT_REACHED");
                    Thread.sleep(500);
                }
            }
        } while (status != 200 && System.currentTimeMillis() < deadline);
        assertEquals(200, status, "the slots did not come back");
        assertEquals(BULK_ROWS + 1, csv.split("\r\n").length);
        JsonObject audit = exportAudit(username, "products");
        assertEquals("complete", audit.getJsonObject("after").getString("outcome"));
        assertEquals(
                BULK_ROWS, audit.getJsonObject("after").getJsonNumber("rows").longValue());
    }

    /** One of many products at 1.50 with one unit, a long description and a category of its own. */
    private static JsonObject bulkProduct(String sku, String name, String description, String category) {
        return object(
                "sku",
                sku,
                "name",
                name,
                "description",
                description,
                "price",
                new BigDecimal("1.50"),
                "stock_quantity",
                1,
                "category",
                category);
    }
}
