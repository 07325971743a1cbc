package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.ReportFiles;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Reports, exports, the stored monthly runs and the audit log in the console: a manager runs each report (its
 * figures are the API's for the same filters, its chart is drawn) and downloads it in each format, then an
 * export in each format (each file parsed back), and a stored run; an admin reads the audit row of an export
 * they just made; a manager is not offered the audit log and sees the API's 403 at its address.
 */
class ReportsConsoleIT extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final List<String> FORMATS = List.of("csv", "xlsx", "pdf", "json");

    private String manager;
    private String managerToken;
    private long category;
    private long supplier;
    private String supplierCode;
    private final List<String> poNumbers = new ArrayList<>();

    /**
     * The reports' data: a category subtree of this class with two parts (one low on stock), a supplier with
     * two purchase orders received whole and a draft, and an order and a production record of today (the
     * analytics summaries refreshed), so that every report shows rows and charts within a PDF's 50 rows.
     */
    @BeforeAll
    void data() {
        manager = Api.createUser("manager");
        managerToken = Api.login(manager, Api.PASSWORD).getString("access_token");
        String token = Api.tokenFor("manager");
        category = Fixtures.category("Console report", null);
        for (int i = 0; i < 2; i++) {
            long child = Fixtures.category("Console report " + i, category);
            try (Response r = as(token, "api/inventory/items")
                    .post(json("{\"sku\":\"CREP-" + Api.RUN + "-" + i
                            + "\",\"name\":\"Console report part " + i + "\",\"unit_cost\":2.50,\"reorder_level\":5,"
                            + "\"category_id\":" + child + "}"))) {
                assertEquals(201, r.getStatus());
                long part = body(r).getJsonNumber("id").longValue();
                try (Response add = as(token, "api/inventory/items/" + part + "/add-stock")
                        .post(json("{\"quantity\":" + (i == 0 ? 40 : 3) + "}"))) {
                    assertEquals(201, add.getStatus());
                }
            }
        }
        supplier = Fixtures.supplier();
        try (Response r = as(token, "api/suppliers/" + supplier).get()) {
            supplierCode = body(r).getString("code");
        }
        long part = Fixtures.part(0);
        String approver = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        for (String expected : List.of("2099-01-01", "2020-01-01")) {
            long po = purchaseOrder(token, part, expected);
            transition(token, po, "submit");
            transition(approver, po, "approve");
            transition(token, po, "deliver");
        }
        purchaseOrder(token, part, null);

        long product = Fixtures.product("12.00", 500, 0, "Console report");
        long customer = Fixtures.customer();
        try (Response r = as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 7)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(token, "api/production")
                .post(json("{\"employee_id\":" + Fixtures.employee() + ",\"product_id\":" + product
                        + ",\"quantity\":30}"))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(Api.tokenFor("admin"), "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
        }
    }

    private long purchaseOrder(String token, long part, String expected) {
        try (Response r = as(token, "api/purchase-orders")
                .post(json("{\"supplier_id\":" + supplier
                        + (expected == null ? "" : ",\"expected_date\":\"" + expected + "\"")
                        + ",\"lines\":[{\"item_id\":"
                        + part + ",\"quantity\":4,\"unit_cost\":3.25}]}"))) {
            assertEquals(201, r.getStatus());
            JsonObject po = body(r);
            poNumbers.add(po.getString("po_number"));
            return po.getJsonNumber("id").longValue();
        }
    }

    private static void transition(String token, long id, String verb) {
        String etag = null;
        if (verb.equals("approve")) {
            try (Response r = as(token, "api/purchase-orders/" + id).get()) {
                etag = r.getHeaderString("ETag");
            }
        }
        try (Response r = as(token, "api/purchase-orders/" + id + "/" + verb)
                .header("If-Match", etag)
                .post(null)) {
            assertEquals(200, r.getStatus(), () -> verb + ": " + r.readEntity(String.class));
        }
    }

    /** Each report's filters in this test: narrow enough for a PDF of at most 50 rows. */
    private Map<String, String> filters(String report) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("date_from", TODAY.minusDays(30).toString());
        q.put("date_to", TODAY.toString());
        switch (report) {
            case "inventory" -> {
                q.put("category", Long.toString(category));
                q.put("limit", "5");
            }
            case "purchase-orders", "suppliers" -> {
                q.put("supplier", Long.toString(supplier));
                q.put("limit", "5");
            }
            default -> {
                q.put("date_from", TODAY.toString());
                q.put("limit", "5");
            }
        }
        return q;
    }

    private static String query(Map<String, String> q) {
        StringBuilder s = new StringBuilder();
        q.forEach((k, v) ->
                s.append(s.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        return s.toString();
    }

    private JsonObject api(String path, Map<String, String> q) {
        Object[] pairs = q.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray();
        try (Response r = as(managerToken, path, pairs).get()) {
            assertEquals(200, r.getStatus(), path);
            return body(r);
        }
    }

    private static String money(JsonObject o, String field) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(o.getJsonNumber(field).bigDecimalValue());
    }

    private static String count(JsonObject o, String field) {
        return String.format(Locale.US, "%,d", o.getJsonNumber(field).longValue());
    }

    private String cell(String section, int column) {
        return browser.await("section[data-section=" + section + "] tbody tr:first-child td:nth-child(" + column + ")")
                .getText();
    }

    /** The figure the console shows for each report, and the API's for the same filters; its chart is drawn. */
    @Test
    void aManagerRunsEachReportWithTheApisFiguresAndDownloadsItInEachFormat() throws Exception {
        browser.signIn(manager, Api.PASSWORD);
        browser.click("header nav a[href='/app/reports']");
        browser.awaitHeading("Reports");
        browser.assertAccessible("reports");
        Map<String, String> chartOf = Map.of(
                "inventory",
                "by_category",
                "purchase-orders",
                "by_status",
                "suppliers",
                "suppliers",
                "analytics",
                "sales");
        for (String report : List.of("inventory", "purchase-orders", "suppliers", "analytics")) {
            Map<String, String> q = filters(report);
            browser.open("/app/reports/" + report + query(q));
            browser.await("[data-report='" + report + "'] .as-of");
            JsonObject json = api("api/reports/" + report, q);
            assertEquals(
                    json.getString("date_from") + "/" + json.getString("date_to"),
                    browser.await(".as-of").getAttribute("data-period"));
            switch (report) {
                case "inventory" -> {
                    JsonObject totals = json.getJsonArray("totals").getJsonObject(0);
                    assertEquals(
                            money(totals, "stock_value"),
                            browser.await("[data-figure='totals.stock_value']").getText());
                    assertEquals("107.50", money(totals, "stock_value"), "40 and 3 parts at 2.50");
                    assertEquals(
                            count(totals, "low_stock_parts"),
                            browser.await("[data-figure='totals.low_stock_parts']")
                                    .getText());
                }
                case "purchase-orders" -> {
                    JsonObject totals = json.getJsonArray("totals").getJsonObject(0);
                    assertEquals(3, totals.getInt("purchase_orders"));
                    assertEquals(
                            count(totals, "purchase_orders"),
                            browser.await("[data-figure='totals.purchase_orders']")
                                    .getText());
                    assertEquals(
                            money(totals, "total_amount"),
                            browser.await("[data-figure='totals.total_amount']").getText());
                    assertEquals(
                            money(json.getJsonArray("by_supplier").getJsonObject(0), "total_amount"),
                            cell("by_supplier", 3));
                }
                case "suppliers" -> {
                    JsonObject row = json.getJsonArray("suppliers").getJsonObject(0);
                    assertEquals("26.00", money(row, "spend"), "two deliveries of 4 at 3.25");
                    assertEquals(money(row, "spend"), cell("suppliers", 2));
                    assertTrue(cell("suppliers", 1).startsWith(supplierCode));
                }
                default -> {
                    JsonObject totals = json.getJsonArray("totals").getJsonObject(0);
                    assertEquals(
                            money(totals, "revenue"),
                            browser.await("[data-figure='totals.revenue']").getText());
                    JsonObject top = json.getJsonArray("top_products").getJsonObject(0);
                    assertEquals(top.getString("product_name"), cell("top_products", 1));
                    assertEquals(count(top, "units_sold"), cell("top_products", 2));
                }
            }
            // the chart: an SVG that names itself, with a bar per row (at most its limit)
            WebElement svg = browser.await("section[data-section=" + chartOf.get(report) + "] figure.chart svg");
            assertEquals("img", svg.getAttribute("role"));
            assertFalse(svg.findElements(By.cssSelector("rect.bar")).isEmpty(), report + ": bars drawn");
            assertTrue(svg.getAttribute("aria-labelledby") != null || svg.getAttribute("aria-label") != null);
            browser.assertAccessible("report-" + report);

            // the same report as a file, in each format, from the same filters: parsed back, it is the API's
            for (String format : FORMATS) {
                browser.click("[data-report='" + report + "'] .downloads button[data-format=" + format + "]");
                Path file = browser.awaitDownload("." + format);
                assertTrue(file.getFileName().toString().startsWith(report + "-report-"), file.toString());
                browser.wait.until(d -> "done"
                        .equals(browser.await("[data-report='" + report + "'] .downloads")
                                .getAttribute("data-state")));
                assertEquals(
                        Long.toString(Files.size(file)),
                        browser.await("[data-report='" + report + "'] .downloads")
                                .getAttribute("data-bytes"),
                        "the bytes counted are the file's");
                assertTrue(browser.await("[data-report='" + report + "'] .download-status")
                        .getText()
                        .startsWith("Saved " + file.getFileName().toString().replaceAll(" \\(\\d+\\)", "")));
                ReportFiles.assertSame(
                        api("api/reports/" + report, q),
                        ReportFiles.sections(report),
                        format,
                        Files.readAllBytes(file));
            }
        }
    }

    @Test
    void aBadPeriodIsShownAtItsField() throws Exception {
        browser.signIn(manager, Api.PASSWORD);
        browser.open("/app/reports/suppliers?date_from=" + TODAY + "&date_to=" + TODAY.minusDays(3));
        browser.awaitHeading("Supplier report");
        WebElement from = browser.await("form.filters input[name=date_from]");
        browser.wait.until(d -> "true".equals(from.getAttribute("aria-invalid")));
        assertTrue(browser.await("form.filters .field-error").getText().length() > 0);
        assertTrue(browser.all("section[data-section]").isEmpty(), "no figures for a period the API refused");
        browser.assertAccessible("report-bad-period");
    }

    /** A list exported in each format with a filter chosen on the screen; each file holds the list's rows. */
    @Test
    void aManagerExportsAListInEachFormatWithProgress() throws Exception {
        browser.signIn(manager, Api.PASSWORD);
        browser.click("header nav a[href='/app/exports']");
        browser.awaitHeading("Exports");
        browser.assertAccessible("exports");
        String card = "section[data-export=purchase-orders] ";
        // the supplier filter: search, then choose
        WebElement search = browser.await(card + "input[type=search][aria-label='Search supplier']");
        search.sendKeys(supplierCode);
        browser.wait.until(d -> supplierCode.equals(
                browser.await(card + "select[name=supplier_id]").getAttribute("data-q")));
        new Select(browser.await(card + "select[name=supplier_id]")).selectByValue(Long.toString(supplier));
        for (String format : FORMATS) {
            browser.click(card + "button[data-format=" + format + "]");
            Path file = browser.awaitDownload("." + format);
            assertTrue(file.getFileName().toString().startsWith("purchase-orders-"), file.toString());
            browser.wait.until(
                    d -> "done".equals(browser.await(card + ".downloads").getAttribute("data-state")));
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(
                    Long.toString(bytes.length),
                    browser.await(card + ".downloads").getAttribute("data-bytes"));
            assertTrue(browser.await(card + ".download-status").getText().contains("bytes") || bytes.length >= 1024);
            List<String> numbers = switch (format) {
                case "csv" -> {
                    try (CSVParser csv = CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))) {
                        assertTrue(
                                csv.getHeaderNames().contains("po_number"),
                                csv.getHeaderNames().toString());
                        yield csv.getRecords().stream()
                                .map(r -> r.get("po_number"))
                                .toList();
                    }
                }
                case "xlsx" -> {
                    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
                        Sheet sheet = book.getFirstSheet();
                        List<Row> rows = sheet.read();
                        int column = -1;
                        for (int c = 0; c < rows.get(0).getCellCount(); c++) {
                            if ("po_number".equals(rows.get(0).getCellText(c))) {
                                column = c;
                            }
                        }
                        assertTrue(column >= 0);
                        List<String> found = new ArrayList<>();
                        for (Row row : rows.subList(1, rows.size())) {
                            String text = row.getCellText(column);
                            if (text.startsWith("PO-")) {
                                found.add(text);
                            }
                        }
                        yield found;
                    }
                }
                case "pdf" -> {
                    PdfReader pdf = new PdfReader(bytes);
                    assertTrue(pdf.getNumberOfPages() >= 1);
                    String text = new PdfTextExtractor(pdf).getTextFromPage(1);
                    // the filter chosen on the screen, and a row per purchase order (numbers wrap in their column)
                    assertTrue(text.contains("supplier_id=" + supplier) && text.contains("Page 1"), text);
                    assertTrue(text.contains("Total (" + poNumbers.size() + " rows)"), text);
                    yield poNumbers;
                }
                default -> {
                    try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                        JsonArray rows = reader.readArray();
                        yield rows.getValuesAs(JsonObject.class).stream()
                                .map(r -> r.getString("po_number"))
                                .toList();
                    }
                }
            };
            assertEquals(
                    poNumbers.stream().sorted().toList(),
                    numbers.stream().sorted().toList(),
                    format);
        }
        // a role's own lists only: a manager exports no audit log
        assertTrue(browser.all("section[data-export=audit-logs]").isEmpty());
        // saving through a blob: URL and <a download> is a navigation: the strict policy lets it be
        var log = browser.consoleLog();
        assertTrue(log.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy")), log::toString);
    }

    @Test
    void aStoredMonthlyRunIsListedAndDownloaded() throws Exception {
        try (Response r = as(Api.tokenFor("admin"), "api/reports/runs", "month", "2001-02")
                .post(null)) {
            assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
        }
        long run;
        try (Response r = as(
                        managerToken,
                        "api/reports/runs",
                        "kind",
                        "purchase_orders",
                        "sort",
                        "-period_start",
                        "per_page",
                        100)
                .get()) {
            run = body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(x -> x.getString("period_start").equals("2001-02-01"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
        }
        browser.signIn(manager, Api.PASSWORD);
        browser.open("/app/reports");
        browser.click("main nav.tabs a[href='/app/reports/runs']");
        browser.awaitHeading("Stored monthly runs");
        new Select(browser.await("main form.filters select[name=kind]")).selectByValue("purchase_orders");
        browser.click("main form.filters button[type=submit]");
        browser.wait.until(d -> d.getCurrentUrl().contains("kind=purchase_orders"));
        // the run of 2001-02 is on some page; deep-link to the list sorted as the API sorts it
        browser.open("/app/reports/runs?kind=purchase_orders");
        browser.awaitHeading("Stored monthly runs");
        browser.assertAccessible("report-runs");
        WebElement row = findRun(run);
        assertEquals("2001-02", row.findElement(By.cssSelector("[data-run]")).getText());
        JsonObject stored;
        try (Response r =
                as(managerToken, "api/reports/runs/" + run, "format", "json").get()) {
            stored = body(r);
        }
        for (String format : List.of("csv", "pdf")) {
            row = findRun(run);
            row.findElement(By.cssSelector("button[data-format=" + format + "]"))
                    .click();
            Path file = browser.awaitDownload("." + format);
            assertEquals("purchase-orders-2001-02." + format, file.getFileName().toString());
            ReportFiles.assertSame(stored, ReportFiles.sections("purchase_orders"), format, Files.readAllBytes(file));
        }
        // a stored file says its length: the percentage shows
        browser.wait.until(d -> findRun(run)
                .findElement(By.cssSelector(".download-status"))
                .getText()
                .startsWith("Saved"));
    }

    private WebElement findRun(long run) {
        for (int page = 0; page < 50; page++) {
            List<WebElement> rows = browser.all("main tbody tr");
            for (WebElement row : rows) {
                if (!row.findElements(By.cssSelector("[data-run='" + run + "']"))
                        .isEmpty()) {
                    return row;
                }
            }
            List<WebElement> next = browser.all("main nav.pager button:last-child:not([disabled])");
            if (next.isEmpty()) {
                break;
            }
            String before = browser.driver.getCurrentUrl();
            next.get(0).click();
            browser.wait.until(d -> !d.getCurrentUrl().equals(before));
            browser.awaitHeading("Stored monthly runs");
        }
        throw new AssertionError("run " + run + " not listed");
    }

    /** The admin exports the audit log, then finds that export in it, filtered by who and what. */
    @Test
    void anAdminReadsTheAuditRowOfAnExportTheyJustMade() throws Exception {
        String admin = Api.createUser("admin");
        browser.signIn(admin, Api.PASSWORD);
        browser.open("/app/exports");
        browser.awaitHeading("Exports");
        String card = "section[data-export=audit-logs] ";
        // a problem is shown next to the buttons: a PDF of more than the test server's 50 rows is refused
        for (int i = 0; i < 51; i++) {
            Fixtures.category("Audit " + i, null);
        }
        browser.type(card + "input[name=entity_type]", "category");
        browser.click(card + "button[data-format=pdf]");
        browser.wait.until(
                d -> "failed".equals(browser.await(card + ".downloads").getAttribute("data-state")));
        assertTrue(
                browser.await(card + ".downloads .action-error").getText().contains("at most 50 rows"),
                browser.await(card + ".downloads").getText());
        browser.await(card + "input[name=entity_type]").clear();
        browser.type(card + "input[name=actor]", admin);
        browser.click(card + "button[data-format=csv]");
        Path file = browser.awaitDownload(".csv");
        try (CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(file))) {
            List<CSVRecord> rows = csv.getRecords();
            assertTrue(rows.stream().allMatch(r -> r.get("actor").equals(admin)), "only the admin's rows");
            assertTrue(rows.stream().anyMatch(r -> r.get("action").equals("LOGIN")), "their sign-in");
        }
        browser.click("header nav a[href='/app/audit-log']");
        browser.awaitHeading("Audit log");
        browser.type("main form.filters input[name=actor]", admin);
        browser.type("main form.filters input[name=action]", "EXPORT");
        browser.click("main form.filters button[type=submit]");
        browser.wait.until(d -> d.getCurrentUrl().contains("action=EXPORT"));
        browser.awaitHeading("Audit log");
        WebElement row = browser.await("main .table-wrap > table > tbody > tr");
        assertEquals(1, browser.all("main .table-wrap > table > tbody > tr").size(), "one export so far");
        assertEquals("EXPORT", row.findElement(By.cssSelector("[data-action]")).getText());
        assertTrue(row.getText().contains("export #audit-logs"), row.getText());
        row.findElement(By.cssSelector("details.changes summary")).click();
        String changes =
                row.findElement(By.cssSelector("details.changes table")).getText();
        assertTrue(changes.contains("format") && changes.contains("csv") && changes.contains(admin), changes);
        browser.assertAccessible("audit-log");
        // a reload shows the same rows
        browser.driver.navigate().refresh();
        browser.awaitHeading("Audit log");
        assertEquals(admin, browser.await("main form.filters input[name=actor]").getAttribute("value"));
        assertEquals(
                "EXPORT",
                browser.await("main .table-wrap > table > tbody > tr [data-action]")
                        .getText());
    }

    @Test
    void aManagerIsNotOfferedTheAuditLogAndSeesTheApisRefusal() throws Exception {
        browser.signIn(manager, Api.PASSWORD);
        List<String> navigation =
                browser.all("header nav a").stream().map(WebElement::getText).toList();
        assertTrue(navigation.contains("Reports") && navigation.contains("Exports"), navigation.toString());
        assertFalse(navigation.contains("Audit log"), navigation.toString());
        browser.open("/app/audit-log");
        browser.awaitHeading("Audit log");
        WebElement refusal = browser.await("main .form-error[data-status='403']");
        assertTrue(refusal.getText().length() > 0);
        assertTrue(browser.all("main table").isEmpty());
        browser.assertAccessible("audit-log-forbidden");
    }
}
