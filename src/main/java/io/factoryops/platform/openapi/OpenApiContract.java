package io.factoryops.platform.openapi;

import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.SnakeCase;
import io.factoryops.platform.http.IfMatchRequired;
import io.factoryops.platform.http.RestApplication;
import io.factoryops.platform.idempotency.Idempotent;
import io.factoryops.platform.paging.ExportedAs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the served OpenAPI document equal the wire, for every resource without anyone remembering
 * to (registered with {@code mp.openapi.filter}). From what the scanner produced from the annotations:
 * <ul>
 * <li>schemas: property names in snake_case as JSON-B writes them; in schemas that only answers use,
 * every property is {@code required} unless its type admits null (nulls are left out on the wire), and
 * {@code id}, {@code version}, {@code created_at}, {@code updated_at} are {@code readOnly};</li>
 * <li>lists: a GET answering 200 with an array of X from a method that builds its page
 * ({@code Response}, see {@code Paging.ok}) answers {@code XPage = {data: [X], pagination}} with the
 * {@code page}, {@code per_page}, {@code sort} parameters and the {@code Link} header;</li>
 * <li>security from the Java method: {@code @RolesAllowed} as the bearer requirement and its roles in
 * {@code x-roles}, {@code @PermitAll} as no requirement;</li>
 * <li>conditional requests: a GET of one versioned object takes {@code If-None-Match} and may answer 304;
 * PUT, PATCH and DELETE of one object take {@code If-Match} and may answer 412, an operation marked
 * {@link IfMatchRequired} requires it and may answer 412 and 428; answers carrying a
 * {@code version} carry its {@code ETag}; 201 carries {@code Location};</li>
 * <li>{@code @Idempotent} POSTs take {@code Idempotency-Key} and may answer 422;</li>
 * <li>every answer carries {@code X-Request-Id}; every error is an RFC 9457 problem with the stable codes
 * of {@link ErrorCode}, and each operation lists the problems it can answer;</li>
 * <li>decimals: a {@code multipleOf} of the annotations (0.01 for money, 0.0001 for rates) is served as
 * {@code x-fraction-digits} (2, 4) and said in the description, because validators that compute
 * {@code multipleOf} in binary floating point (Ajv, Python's jsonschema) reject 0.09 or 1.53.</li>
 * </ul>
 * What the annotations must still say themselves (checked by the test suite): an {@code operationId},
 * a tag, a summary, the 2xx body type.
 */
public class OpenApiContract implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiContract.class.getName());
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = "Problem";
    private static final String PAGINATION = "Pagination";
    /** The operation extension listing the roles that may call it. */
    public static final String ROLES = "x-roles";
    /** The schema extension stating the most digits a decimal has after its point (XML Schema's fractionDigits). */
    public static final String FRACTION_DIGITS = "x-fraction-digits";

    private static final Set<String> READ_ONLY = Set.of("id", "version", "created_at", "updated_at");
    /** The exports' path: a list as a file, in the formats below. */
    private static final String EXPORTS = "/api/export/";
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (ResourceIndex.isEmpty()) {
            LOG.warning("No JAX-RS resource was indexed: the OpenAPI document lacks roles and idempotency keys");
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(OpenApiContract::snakeCase);
        schemas.values().forEach(OpenApiContract::fractionDigits);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> item.getOperations()
                            .forEach((verb, operation) -> operation(openAPI, path, verb, operation)));
        }
        Set<String> requestOnly = reachable(schemas, openAPI, true);
        Set<String> responseOnly = reachable(schemas, openAPI, false);
        responseOnly.removeAll(requestOnly);
        responseOnly.forEach(name -> answerSchema(schemas.get(name)));
        openAPI.getComponents().setSchemas(new TreeMap<>(schemas));
    }

    private static void operation(OpenAPI openAPI, String path, PathItem.HttpMethod verb, Operation operation) {
        Method method = ResourceIndex.method(verb.name(), path).orElse(null);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        security(operation, method);
        // one object: by its id, or the caller's own (/api/auth/me, /api/customers/me)
        boolean one = path.endsWith("}") || path.endsWith("/me");
        if (verb == PathItem.HttpMethod.GET && path.startsWith(EXPORTS)) {
            export(operation, path.startsWith(REPORT_EXPORTS));
        }
        if (verb == PathItem.HttpMethod.GET) {
            page(openAPI, operation, method);
            if (one && versioned(openAPI, responses.getAPIResponse("200"))) {
                operation.addParameter(header("If-None-Match", "An ETag from an earlier answer: 304 when unchanged"));
                responses.addAPIResponse(
                        "304",
                        OASFactory.createAPIResponse()
                                .description("Not modified: the client's copy (If-None-Match) is current")
                                .addHeader("ETag", stringHeader("The object's version", true)));
            }
        }
        if (method != null && method.isAnnotationPresent(IfMatchRequired.class)) {
            operation.addParameter(header(
                            "If-Match",
                            "The ETag of the version the caller read (required): 412 "
                                    + "VERSION_CONFLICT when stale, 428 PRECONDITION_REQUIRED without it (\"*\" included)")
                    .required(true));
            problem(responses, "412", "VERSION_CONFLICT: the object changed since the If-Match ETag");
            problem(
                    responses,
                    "428",
                    "PRECONDITION_REQUIRED: If-Match is missing (or \"*\"): GET the object and " + "send its ETag");
        } else if (one
                && Set.of(PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE)
                        .contains(verb)) {
            operation.addParameter(
                    header("If-Match", "The ETag the change is based on: 412 VERSION_CONFLICT when stale"));
            problem(responses, "412", "VERSION_CONFLICT: the object changed since the If-Match ETag");
        }
        if (method != null
                && (method.isAnnotationPresent(Idempotent.class)
                        || method.getDeclaringClass().isAnnotationPresent(Idempotent.class))) {
            operation.addParameter(header(
                            "Idempotency-Key",
                            "Makes the request safe to retry: the same key with "
                                    + "the same request replays the first answer (Idempotent-Replayed: true) for 24 h")
                    .schema(string().minLength(1).maxLength(255)));
            problem(responses, "422", "IDEMPOTENCY_KEY_REUSED: the key was used with another request");
        }
        problems(verb, operation);
        responses.getAPIResponses().forEach((status, response) -> headers(openAPI, status, response, operation));
    }

    /**
     * The bearer requirement with the roles of the Java method (or its class) in {@code x-roles} (a higher
     * role inherits a lower one's rights); public operations require nothing. OpenAPI 3.1 would allow the
     * roles as the requirement's scopes, but Liberty's validator (and OpenAPI 3.0 tools) reject scopes on
     * an HTTP scheme.
     */
    private static void security(Operation operation, Method method) {
        if (method == null) {
            return;
        }
        PermitAll permit = annotation(method, PermitAll.class);
        RolesAllowed roles = annotation(method, RolesAllowed.class);
        if (permit != null && (roles == null || method.isAnnotationPresent(PermitAll.class))) {
            operation.setSecurity(new ArrayList<>());
        } else if (roles != null) {
            operation.setSecurity(new ArrayList<>(
                    List.of(OASFactory.createSecurityRequirement().addScheme(RestApplication.BEARER))));
            operation.addExtension(ROLES, List.of(roles.value()));
        }
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
        A onMethod = method.getAnnotation(type);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(type);
    }

    /**
     * An array answer of a method that builds a page becomes the typed page of its items; every paged
     * answer (one with a {@code pagination}) takes the paging parameters and carries the {@code Link} header.
     */
    private static void page(OpenAPI openAPI, Operation operation, Method method) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        Schema schema = jsonSchema(ok);
        if (schema == null) {
            return;
        }
        if (method != null
                && method.getReturnType() == Response.class
                && schema.getItems() != null
                && schema.getItems().getRef() != null
                && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            String item = schema.getItems().getRef().substring(SCHEMAS.length());
            String name = (item.endsWith("Response") ? item.substring(0, item.length() - "Response".length()) : item)
                    + "Page";
            openAPI.getComponents()
                    .addSchema(
                            name,
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.OBJECT)
                                    .description("A page of " + item + ": the items and where the page stands")
                                    .addProperty(
                                            "data",
                                            OASFactory.createSchema()
                                                    .addType(Schema.SchemaType.ARRAY)
                                                    .items(ref(item)))
                                    .addProperty("pagination", ref(PAGINATION))
                                    .required(new ArrayList<>(List.of("data", "pagination"))));
            schema = ref(name);
            ok.getContent()
                    .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                    .setSchema(schema);
        }
        Schema target = component(openAPI, schema);
        if (target == null
                || target.getProperties() == null
                || !target.getProperties().containsKey("pagination")) {
            return;
        }
        boolean exported = method != null && method.isAnnotationPresent(ExportedAs.class);
        ok.addHeader(
                "Link",
                stringHeader(
                        "RFC 8288 links to the first, prev, next and last pages"
                                + (exported
                                        ? ", and rel=\"export\": GET /api/export/"
                                                + method.getAnnotation(ExportedAs.class)
                                                        .value()
                                                + " with the same filters and sort, every row as a file"
                                        : ""),
                        true));
        List<String> declared = operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream().map(Parameter::getName).toList();
        if (!declared.contains("page")) {
            operation.addParameter(query(
                    "page",
                    "The page, from 1; page × per_page at most 10,000",
                    OASFactory.createSchema()
                            .addType(Schema.SchemaType.INTEGER)
                            .format("int32")
                            .minimum(java.math.BigDecimal.ONE)));
        }
        if (!declared.contains("per_page")) {
            operation.addParameter(query(
                    "per_page",
                    "Items per page, 1 to 100",
                    OASFactory.createSchema()
                            .addType(Schema.SchemaType.INTEGER)
                            .format("int32")
                            .minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(100))));
        }
        if (!declared.contains("sort")) {
            operation.addParameter(query(
                    "sort",
                    "Comma-separated fields, '-' for descending (e.g. -created_at,name); "
                            + "an unknown field is 400 naming the allowed ones",
                    string().maxLength(200)));
        }
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

    /** The component a {@code $ref} schema points at, or null. */
    private static Schema component(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS)) {
            return null;
        }
        return openAPI.getComponents().getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
    }

    private static void headers(OpenAPI openAPI, String status, APIResponse response, Operation operation) {
        if ("304".equals(status)) {
            return;
        }
        // Liberty's JWT layer may answer 401 before the application runs: then no request id.
        response.addHeader(
                "X-Request-Id",
                stringHeader("The request's id, also in every log line and problem", !"401".equals(status)));
        if (status.startsWith("2") && versioned(openAPI, response)) {
            response.addHeader("ETag", stringHeader("The object's version, for If-None-Match and If-Match", true));
        }
        if ("201".equals(status)) {
            response.addHeader("Location", stringHeader("The created object's URL", versioned(openAPI, response)));
        }
        if ("429".equals(status) || "503".equals(status)) {
            response.addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                            .required(true)
                            .description("Seconds to wait before trying again")
                            .schema(integer()));
        }
        if (!"401".equals(status) && !"404".equals(status)) {
            for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                response.addHeader(
                        name,
                        OASFactory.createHeader()
                                .required(false)
                                .description(
                                        "The caller's rate-limit bucket (requests per window, left, seconds to refill)")
                                .schema(integer()));
            }
        }
    }

    /** The problems every operation may answer, unless the operation documents them itself. */
    private static void problems(PathItem.HttpMethod verb, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean secured =
                operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        problem(responses, "400", "VALIDATION_FAILED, INVALID_PARAMETER, MALFORMED_JSON (one entry per invalid field)");
        if (secured) {
            Header challenge = stringHeader("Bearer, with error=\"invalid_token\" for a bad token (RFC 6750)", true);
            problem(
                            responses,
                            "401",
                            "UNAUTHORIZED, TOKEN_REVOKED: missing, expired, forged or revoked token. When "
                                    + "Liberty's JWT layer rejects a token before the application runs, the body is empty")
                    .addHeader("WWW-Authenticate", challenge);
            problem(responses, "403", "FORBIDDEN: the token's role may not do this");
        }
        problem(responses, "404", "NOT_FOUND");
        problem(responses, "406", "NOT_ACCEPTABLE: the API answers application/json");
        if (body) {
            problem(responses, "413", "PAYLOAD_TOO_LARGE: the body is larger than the route accepts");
            problem(responses, "415", "UNSUPPORTED_MEDIA_TYPE: send application/json");
        }
        if (verb != PathItem.HttpMethod.GET) {
            problem(
                    responses,
                    "409",
                    "A conflict with the current state (a stable code says which, e.g. "
                            + "DUPLICATE, IN_USE, INSUFFICIENT_STOCK, INVALID_TRANSITION)");
        }
        problem(responses, "429", "RATE_LIMITED");
        problem(responses, "500", "INTERNAL_ERROR: no internals; quote the request_id");
        problem(
                responses,
                "503",
                "SERVICE_UNAVAILABLE: the database is unavailable or did not answer in time; "
                        + "nothing was written: retry after Retry-After seconds");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(responses, status, response.getDescription());
            }
        });
    }

    private static APIResponse problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        if (response.getContent() == null) {
            response.content(OASFactory.createContent()
                    .addMediaType(
                            "application/problem+json",
                            OASFactory.createMediaType().schema(ref(PROBLEM))));
        }
        return response;
    }

    /** An answer's JSON schema, or null. */
    private static Schema jsonSchema(APIResponse response) {
        if (response == null || response.getContent() == null) {
            return null;
        }
        MediaType media = response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        return media == null ? null : media.getSchema();
    }

    /** An answer that is one object with a version: it has an ETag, and a URL of its own. */
    private static boolean versioned(OpenAPI openAPI, APIResponse response) {
        Schema target = component(openAPI, jsonSchema(response));
        return target != null
                && target.getProperties() != null
                && target.getProperties().containsKey("version");
    }

    /** Renames the properties of a schema and of the schemas inside it to snake_case. */
    private static void snakeCase(Schema schema) {
        walk(schema, s -> {
            if (s.getProperties() != null) {
                Map<String, Schema> renamed = new LinkedHashMap<>();
                s.getProperties().forEach((name, property) -> renamed.put(SnakeCase.of(name), property));
                s.setProperties(renamed);
            }
            if (s.getRequired() != null) {
                s.setRequired(new ArrayList<>(
                        s.getRequired().stream().map(SnakeCase::of).toList()));
            }
        });
    }

    /**
     * Replaces {@code multipleOf: 0.01} by {@code x-fraction-digits: 2} (and a sentence of the description).
     * JSON Schema's multipleOf is exact, but Ajv and Python's jsonschema compute 0.09 / 0.0001 in binary
     * floating point and find a remainder, so a validating proxy refused correct answers.
     */
    private static void fractionDigits(Schema schema) {
        walk(schema, s -> {
            java.math.BigDecimal step = s.getMultipleOf();
            if (step == null || step.stripTrailingZeros().scale() <= 0) {
                return;
            }
            int digits = step.stripTrailingZeros().scale();
            s.setMultipleOf(null);
            s.addExtension(FRACTION_DIGITS, digits);
            String precision = "At most " + digits + " decimal places.";
            String said = s.getDescription() == null ? "" : s.getDescription().strip();
            s.setDescription(said.isEmpty() ? precision : said + (said.endsWith(".") ? " " : ". ") + precision);
        });
    }

    /** A schema only answers use: present unless nullable; the server's bookkeeping is read-only. */
    private static void answerSchema(Schema schema) {
        if (schema == null
                || schema.getProperties() == null
                || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
            return; // states its own required properties (Problem, pages)
        }
        List<String> required = new ArrayList<>();
        schema.getProperties().forEach((name, property) -> {
            boolean nullable = property.getType() != null && property.getType().contains(Schema.SchemaType.NULL);
            if (!nullable) {
                required.add(name);
            }
            if (READ_ONLY.contains(name)) {
                property.setReadOnly(true);
            }
        });
        schema.setRequired(required);
    }

    /** The component schemas reachable from the request bodies (or from the answers). */
    private static Set<String> reachable(Map<String, Schema> schemas, OpenAPI openAPI, boolean requests) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(op -> {
                        if (requests && op.getRequestBody() != null) {
                            mediaSchemas(op.getRequestBody().getContent(), todo);
                        } else if (!requests && op.getResponses() != null) {
                            op.getResponses()
                                    .getAPIResponses()
                                    .values()
                                    .forEach(r -> mediaSchemas(r.getContent(), todo));
                        }
                    }));
        }
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            walk(todo.pop(), s -> {
                if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                    String name = s.getRef().substring(SCHEMAS.length());
                    if (seen.add(name) && schemas.containsKey(name)) {
                        todo.push(schemas.get(name));
                    }
                }
            });
        }
        return seen;
    }

    private static void mediaSchemas(Content content, Deque<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream()
                    .map(MediaType::getSchema)
                    .filter(java.util.Objects::nonNull)
                    .forEach(into::push);
        }
    }

    /** Visits a schema and every schema nested in it (not following references). */
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> walk(p, visit));
        }
        walk(schema.getItems(), visit);
        walk(schema.getAdditionalPropertiesSchema(), visit);
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> walk(s, visit));
            }
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string())
                .addProperty("message", string())
                .required(new ArrayList<>(List.of("field", "message")));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, application/problem+json; `code` is stable, `errors` "
                        + "names each invalid field; some codes add members of their own (open schema)")
                .addProperty("type", string())
                .addProperty("title", string())
                .addProperty("status", integer())
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty(
                        "code",
                        string().enumeration(Arrays.stream(ErrorCode.values())
                                .map(c -> (Object) c.name())
                                .toList()))
                .addProperty("request_id", string())
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError))
                .addProperty(
                        "product_id",
                        integer().format("int64").description("INSUFFICIENT_STOCK: the (first) short product"))
                .addProperty("product_name", string().description("INSUFFICIENT_STOCK: the product's name"))
                .addProperty(
                        "item_id", integer().format("int64").description("INSUFFICIENT_STOCK: the (first) short part"))
                .addProperty("item_name", string().description("INSUFFICIENT_STOCK: the part's name"))
                .addProperty("sku", string().description("INSUFFICIENT_STOCK: the short product's or part's SKU"))
                .addProperty("requested", integer().description("INSUFFICIENT_STOCK: the quantity asked for"))
                .addProperty("available", integer().description("INSUFFICIENT_STOCK: the quantity in stock"))
                .addProperty(
                        "shortages",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("INSUFFICIENT_STOCK: every short product or part of the request")
                                .items(shortage()))
                .addProperty("current_status", string().description("INVALID_TRANSITION: the document's status"))
                .addProperty(
                        "allowed_transitions",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(string())
                                .description("INVALID_TRANSITION: the transitions the current status allows"))
                .addProperty(
                        "max_bytes",
                        integer().format("int64").description("PAYLOAD_TOO_LARGE: the largest body the route accepts"))
                .addProperty(
                        "supported_formats",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(string())
                                .description("NOT_ACCEPTABLE of an export: the formats it has"))
                .addProperty("max_rows", integer().description("EXPORT_TOO_LARGE: the most rows the format takes"))
                .addProperty(
                        "rows",
                        integer().format("int64").description("EXPORT_TOO_LARGE: the rows that the filters select"))
                .required(new ArrayList<>(List.of("type", "title", "status", "code")));
    }

    /** One short item of an INSUFFICIENT_STOCK problem: a product's or a part's id and name. */
    private static Schema shortage() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("product_id", integer().format("int64"))
                .addProperty("product_name", string())
                .addProperty("item_id", integer().format("int64"))
                .addProperty("item_name", string())
                .addProperty("sku", string())
                .addProperty("requested", integer())
                .addProperty("available", integer())
                .required(new ArrayList<>(List.of("sku", "requested", "available")));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
    }

    private static Header stringHeader(String description, boolean required) {
        return OASFactory.createHeader()
                .description(description)
                .required(required)
                .schema(string());
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(description)
                .schema(string());
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.QUERY)
                .required(false)
                .description(description)
                .schema(schema);
    }
}
