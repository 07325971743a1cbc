package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.ReportFiles;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
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
    private static final Object[] PERIOD = {"date_from", LocalDate.now(ZoneOffset.UTC).minusDays(90),
            "date_to", LocalDate.now(ZoneOffset.UTC), "limit", 5};

    private static JsonObject report(String report) {
        try (Response r = as(manager, "api/reports/" + report, PERIOD).get()) {
            assertEquals(200, r.getStatus(), report);
            return body(r);
        }
    }

    private static byte[] export(String report, String format) {
        Object[] query = java.util.Arrays.copyOf(PERIOD, PERIOD.length + 2);
        query[PERIOD.length] = "format";
        query[PERIOD.length + 1] = format;
        try (Response r = as(manager, "api/export/reports/" + report, query).get()) {
            assertEquals(200, r.getStatus(), () -> report + " " + format + ": " + r.readEntity(String.class));
            assertEquals("attachment; filename=\"" + report + "-report-" + LocalDate.now(ZoneOffset.UTC) + "."
                    + format + "\"", r.getHeaderString("Content-Disposition"));
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
        try (Response r = as(manager, "api/export/reports/suppliers").header("Accept", "text/csv").get()) {
            assertEquals(200, r.getStatus());
            assertEquals("text/csv", r.getMediaType().getType() + "/" + r.getMediaType().getSubtype());
            assertTrue(r.readEntity(String.class).startsWith("supplier_id,"));
        }
        try (Response r = as(manager, "api/export/reports/suppliers", "format", "pdf").header("Accept", XLSX).get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.getHeaderString("Content-Disposition").endsWith(".pdf\""));
            r.readEntity(byte[].class);
        }
    }

    @Test
    void unknownFormatIs406ListingTheSupportedOnes() {
        try (Response r = as(manager, "api/export/reports/inventory", "format", "docx").get()) {
            JsonObject problem = assertProblem(r, 406, "NOT_ACCEPTABLE");
            assertEquals(List.of("json", "csv", "xlsx", "pdf"), problem.getJsonArray("supported_formats")
                    .getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        }
        try (Response r = as(manager, "api/export/reports/inventory").header("Accept", "image/png").get()) {
            assertProblem(r, 406, "NOT_ACCEPTABLE");
        }
    }

    @Test
    void unknownReportIs404AndBadParametersAreTheReportsOwn400s() {
        try (Response r = as(manager, "api/export/reports/weather", "format", "csv").get()) {
            assertTrue(assertProblem(r, 404, "NOT_FOUND").getString("detail").contains("purchase-orders"));
        }
        try (Response r = as(manager, "api/export/reports/inventory", "format", "csv", "date_from", "yesterday").get()) {
            assertProblem(r, 400, "INVALID_PARAMETER");
        }
        try (Response r = as(manager, "api/export/reports/analytics", "format", "csv", "granularity", "hour").get()) {
            assertProblem(r, 400, "INVALID_PARAMETER");
        }
        try (Response r = as(manager, "api/export/reports/suppliers", "format", "csv", "limit", 0).get()) {
            assertProblem(r, 400, "INVALID_PARAMETER");
        }
        try (Response r = as(manager, "api/export/reports/purchase-orders", "supplier", 999999999).get()) {
            assertEquals(404, r.getStatus());
            r.readEntity(String.class);
        }
    }

    @Test
    void onlyManagersExportReports() {
        String user = Api.tokenFor("user");
        for (String report : List.of("inventory", "purchase-orders", "suppliers", "analytics")) {
            try (Response r = as(user, "api/export/reports/" + report, "format", "csv").get()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
            try (Response r = anonymous("api/export/reports/" + report).get()) {
                assertEquals(401, r.getStatus(), report);
            }
        }
    }
}
