package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertOk;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.ReportFiles;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/export/reports/{report}}: each report in each format parsed back and compared with the JSON
 * report of the same parameters; the format by Accept; 406, 404, the report's own 400s, the roles.
 */
class ReportExportIT {

    private static final String manager = Api.tokenFor("manager");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A period with the suite's data in it, parameters that each report takes. */
    private static final Object[] PERIOD = {
        "date_from", LocalDate.now(ZoneOffset.UTC).minusDays(90), "date_to", LocalDate.now(ZoneOffset.UTC), "limit", 5
    };

    /**
     * The parameters of a report: the period, and for the inventory report a category subtree of its own
     * (two categories, a part in stock and one low), so that its sections stay within a PDF's 50 rows
     * however many categories the rest of the suite has made.
     */
    private static Object[] parameters(String report) {
        if (!report.equals("inventory")) {
            return PERIOD;
        }
        if (inventoryCategory == 0) {
            inventoryCategory = Fixtures.category("Report", null);
            for (int i = 0; i < 2; i++) {
                long category = Fixtures.category("Report " + i, inventoryCategory);
                try (Response r = as(manager, "api/inventory/items")
                        .post(json(with(partAtTwo("REPORT-", "Report " + i, category), "reorder_level", 5)))) {
                    assertEquals(201, r.getStatus());
                    long part = body(r).getJsonNumber("id").longValue();
                    try (Response add = as(manager, "api/inventory/items/" + part + "/add-stock")
                            .post(json(object("quantity", (i == 0 ? 40 : 3))))) {
                        assertEquals(201, add.getStatus());
                    }
                }
            }
        }
        Object[] query = java.util.Arrays.copyOf(PERIOD, PERIOD.length + 2);
        query[PERIOD.length] = "category";
        query[PERIOD.length + 1] = inventoryCategory;
        return query;
    }

    private static long inventoryCategory;

    private static JsonObject report(String report) {
        try (Response r =
                as(manager, "api/reports/" + report, parameters(report)).get()) {
            assertEquals(200, r.getStatus(), report);
            return body(r);
        }
    }

    private static byte[] export(String report, String format) {
        Object[] parameters = parameters(report);
        Object[] query = java.util.Arrays.copyOf(parameters, parameters.length + 2);
        query[parameters.length] = "format";
        query[parameters.length + 1] = format;
        try (Response r = as(manager, "api/export/reports/" + report, query).get()) {
            assertEquals(200, r.getStatus(), () -> report + " " + format + ": " + r.readEntity(String.class));
            assertEquals(
                    "attachment; filename=\"" + report + "-report-" + LocalDate.now(ZoneOffset.UTC) + "." + format
                            + "\"",
                    r.getHeaderString("Content-Disposition"));
            return r.readEntity(byte[].class);
        }
    }

    @Test
    void eachReportInEachFormatIsItsJson() throws IOException {
        for (String report : List.of("inventory", "purchase-orders", "suppliers", "analytics")) {
            JsonObject json = report(report);
            for (String format : List.of("csv", "xlsx", "pdf", "json")) {
                ReportFiles.assertSame(json, ReportFiles.sections(report), format, export(report, format));
            }
        }
    }

    @Test
    void theFormatComesFromAcceptWhenTheQueryDoesNotSayAndTheQueryWins() {
        try (Response r = as(manager, "api/export/reports/suppliers")
                .header("Accept", "text/csv")
                .get()) {
            assertOk(r, "text/csv");
            assertTrue(r.readEntity(String.class).startsWith("supplier_id,"));
        }
        try (Response r = as(manager, "api/export/reports/suppliers", "format", "pdf")
                .header("Accept", XLSX)
                .get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.getHeaderString("Content-Disposition").endsWith(".pdf\""));
            r.readEntity(byte[].class);
        }
    }

    @Test
    void unknownFormatIs406ListingTheSupportedOnes() {
        ReportFiles.assertUnsupportedFormat(
                as(manager, "api/export/reports/inventory", "format", "docx").get());
        assertRefused(
                as(manager, "api/export/reports/inventory")
                        .header("Accept", "image/png")
                        .get(),
                406,
                "NOT_ACCEPTABLE");
    }

    @Test
    void unknownReportIs404AndBadParametersAreTheReportsOwn400s() {
        try (Response r =
                as(manager, "api/export/reports/weather", "format", "csv").get()) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("purchase-orders"));
        }
        assertRefused(
                as(manager, "api/export/reports/inventory", "format", "csv", "date_from", "yesterday")
                        .get(),
                400,
                "INVALID_PARAMETER");
        assertRefused(
                as(manager, "api/export/reports/analytics", "format", "csv", "granularity", "hour")
                        .get(),
                400,
                "INVALID_PARAMETER");
        assertRefused(
                as(manager, "api/export/reports/suppliers", "format", "csv", "limit", 0)
                        .get(),
                400,
                "INVALID_PARAMETER");
        try (Response r = as(manager, "api/export/reports/purchase-orders", "supplier", 999999999)
                .get()) {
            assertEquals(404, r.getStatus());
            r.readEntity(String.class);
        }
    }

    /** 51 categories under one: the inventory report's by_category has more rows than a PDF holds (50 here). */
    @Test
    void aPdfOfMoreRowsThanTheLimitIs400SuggestingCsv() {
        long parent = Fixtures.category("Wide", null);
        String manager = Api.tokenFor("manager");
        for (int i = 0; i < 51; i++) {
            long category = Fixtures.category("Wide " + i, parent);
            try (Response r =
                    as(manager, "api/inventory/items").post(json(partAtTwo("WIDE-", "Wide " + i, category)))) {
                assertEquals(201, r.getStatus());
            }
        }
        try (Response r = as(manager, "api/export/reports/inventory", "category", parent, "format", "pdf")
                .get()) {
            JsonObject problem = assertProblem(r, 400, "EXPORT_TOO_LARGE");
            assertEquals(50, problem.getInt("max_rows"));
            assertTrue(problem.getJsonNumber("rows").longValue() > 51, problem.toString());
            assertTrue(problem.getString("detail").contains("format=csv"), problem.getString("detail"));
        }
        try (Response r = as(manager, "api/export/reports/inventory", "category", parent, "format", "csv")
                .get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.readEntity(String.class).contains("Wide 50"));
        }
    }

    @Test
    void onlyManagersExportReports() {
        String user = Api.tokenFor("user");
        for (String report : List.of("inventory", "purchase-orders", "suppliers", "analytics")) {
            assertRefused(
                    as(user, "api/export/reports/" + report, "format", "csv").get(), 403, "FORBIDDEN");
            try (Response r = anonymous("api/export/reports/" + report).get()) {
                assertEquals(401, r.getStatus(), report);
            }
        }
    }

    /** Issue 23: every export is audited, a report's too: who, which, format, parameters, rows, outcome. */
    @Test
    void aReportsExportIsAudited() {
        String username = Api.createUser("manager");
        String token = Api.login(username, Api.PASSWORD).getString("access_token");
        try (Response r = as(token, "api/export/reports/suppliers", "format", "csv", "limit", 3)
                .get()) {
            assertEquals(200, r.getStatus());
            r.readEntity(String.class);
        }
        try (Response r = as(Api.tokenFor("admin"), "api/audit-logs", "action", "EXPORT", "actor", username)
                .get()) {
            assertEquals(200, r.getStatus());
            var rows = body(r).getJsonArray("data");
            assertEquals(1, rows.size());
            var row = rows.getJsonObject(0);
            assertEquals("export", row.getString("entity_type"));
            assertEquals("reports/suppliers", row.getString("entity_id"));
            assertEquals("csv", row.getJsonObject("after").getString("format"));
            assertEquals(
                    "3", row.getJsonObject("after").getJsonObject("filters").getString("limit"));
            assertEquals("complete", row.getJsonObject("after").getString("outcome"));
            assertTrue(row.getJsonObject("after").getJsonNumber("rows").longValue() >= 0);
        }
    }

    /** A part costing 2.00 in {@code category}, its SKU {@code prefix}, the run and its name's number. */
    private static JsonObject partAtTwo(String prefix, String name, long category) {
        String sku = prefix + Api.RUN + "-" + name.substring(name.lastIndexOf(' ') + 1);
        return object("sku", sku, "name", name, "unit_cost", new BigDecimal("2.00"), "category_id", category);
    }
}
