package io.factoryops.platform.openapi;

import static io.factoryops.platform.openapi.Schemas.query;
import static io.factoryops.platform.openapi.Schemas.string;
import static io.factoryops.platform.openapi.Schemas.stringHeader;
import static io.factoryops.platform.openapi.StandardAnswers.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The exports' operations in the document: the format parameter, the media types a file comes in, a report's JSON. */
final class ExportOperations {

    /** The exports' path: a list as a file, in the formats below. */
    static final String EXPORTS = "/api/export/";
    /** The reports' exports: a report (several tables, no sort) as a file. */
    private static final String REPORT_EXPORTS = EXPORTS + "reports/";

    private static final List<String> EXPORT_FORMATS = List.of("json", "csv", "xlsx", "pdf");
    private static final Map<String, String> EXPORT_MEDIA_TYPES = Map.of(
            "application/json",
            "format=json: a JSON array of the rows, as objects with the list's property names",
            "text/csv",
            "format=csv: RFC 4180, UTF-8, a header row; text cells that a spreadsheet would run as a "
                    + "formula (= + - @ tab CR) start with '",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "format=xlsx: a sheet of typed cells (numbers, dates) with a header row, and an About sheet (title, "
                    + "filters, rows, totals)",
            "application/pdf",
            "format=pdf: title, filters, a table whose header repeats on every page, totals, "
                    + "page numbers; at most factory.export.pdf-max-rows rows");

    private ExportOperations() {}

    static boolean isExport(String path) {
        return path.startsWith(EXPORTS);
    }

    static void describe(Operation operation, String path) {
        export(operation, path.startsWith(REPORT_EXPORTS));
    }

    /**
     * An export ({@code /api/export/…}): {@code format} and {@code sort}, the four media types of its 200
     * with {@code Content-Disposition}, and its 400 and 406 problems.
     */
    private static void export(Operation operation, boolean report) {
        operation.addParameter(query(
                "format",
                "json, csv, xlsx or pdf; wins over Accept (JSON when neither "
                        + "asks); anything else is 406 NOT_ACCEPTABLE listing supported_formats",
                string().enumeration(new ArrayList<>(EXPORT_FORMATS))));
        if (!report) {
            operation.addParameter(query(
                    "sort",
                    "The list's sort: comma-separated fields, '-' for descending; an "
                            + "unknown field is 400 naming the allowed ones",
                    string().maxLength(200)));
        }
        Content content = OASFactory.createContent();
        EXPORT_MEDIA_TYPES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    boolean json = e.getKey().equals("application/json");
                    Schema schema = json && report
                            ? reportDocument()
                            : (json
                                            ? OASFactory.createSchema()
                                                    .addType(Schema.SchemaType.ARRAY)
                                                    .items(OASFactory.createSchema()
                                                            .addType(Schema.SchemaType.OBJECT))
                                            : string().format("binary"))
                                    .description(e.getValue());
                    content.addMediaType(
                            e.getKey(), OASFactory.createMediaType().schema(schema));
                });
        operation
                .getResponses()
                .addAPIResponse(
                        "200",
                        OASFactory.createAPIResponse()
                                .description(
                                        report
                                                ? "The report, one table per section; the format by format= or Accept"
                                                : "Every row the filters select, streamed as it is read; the format by format= or Accept")
                                .content(content)
                                .addHeader(
                                        "Content-Disposition",
                                        stringHeader(
                                                report
                                                        ? "attachment; filename=\"<report>-report-<date, UTC>.<format>\""
                                                        : "attachment; filename=\"<export>-<date, UTC>.<format>\"",
                                                true)));
        if (report) {
            problem(operation.getResponses(), "400", "INVALID_PARAMETER: a parameter as the report answers it");
        } else {
            problem(
                    operation.getResponses(),
                    "400",
                    "VALIDATION_FAILED, INVALID_PARAMETER (a filter or sort as the "
                            + "list answers it); EXPORT_TOO_LARGE: a PDF of more rows than factory.export.pdf-max-rows "
                            + "(max_rows, rows): narrow the filters or ask for csv or xlsx");
        }
        problem(
                operation.getResponses(),
                "406",
                "NOT_ACCEPTABLE: format= or Accept names none of json, csv, xlsx, "
                        + "pdf (supported_formats lists them)");
        problem(
                operation.getResponses(),
                "429",
                "RATE_LIMITED; EXPORT_LIMIT_REACHED: as many exports as "
                        + "factory.export.max-concurrent-per-principal of this caller, or factory.export.max-concurrent in "
                        + "all, are running on this server: retry after Retry-After seconds");
    }

    /** format=json of a report's export: the document of its sections, as the JSON writer streams it. */
    private static Schema reportDocument() {
        Schema section = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("name", string().description("The report's property, e.g. by_category"))
                .addProperty(
                        "rows",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))
                .addProperty("row_count", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("totals", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                .required(List.of("name", "rows", "row_count", "totals"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("title", string())
                .addProperty(
                        "filters",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .additionalPropertiesSchema(string()))
                .addProperty("generated_at", string().format("date-time"))
                .addProperty(
                        "sections",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(section))
                .required(List.of("title", "filters", "generated_at", "sections"))
                .description("format=json: {title, filters, generated_at, sections: [{name, rows, row_count, "
                        + "totals}]}");
    }
}
