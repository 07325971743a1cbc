package io.factoryops.platform.openapi;

import static io.factoryops.platform.openapi.Schemas.SCHEMAS;
import static io.factoryops.platform.openapi.Schemas.answerSchema;
import static io.factoryops.platform.openapi.Schemas.component;
import static io.factoryops.platform.openapi.Schemas.header;
import static io.factoryops.platform.openapi.Schemas.jsonSchema;
import static io.factoryops.platform.openapi.Schemas.query;
import static io.factoryops.platform.openapi.Schemas.reachable;
import static io.factoryops.platform.openapi.Schemas.ref;
import static io.factoryops.platform.openapi.Schemas.string;
import static io.factoryops.platform.openapi.Schemas.stringHeader;
import static io.factoryops.platform.openapi.Schemas.versioned;
import static io.factoryops.platform.openapi.StandardAnswers.PROBLEM;
import static io.factoryops.platform.openapi.StandardAnswers.headers;
import static io.factoryops.platform.openapi.StandardAnswers.problem;
import static io.factoryops.platform.openapi.StandardAnswers.problemSchema;
import static io.factoryops.platform.openapi.StandardAnswers.problems;

import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.http.IfMatchRequired;
import io.factoryops.platform.http.RestApplication;
import io.factoryops.platform.idempotency.Idempotent;
import io.factoryops.platform.paging.ExportedAs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
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
 * <li>security from the Java method: {@code @RolesAllowed} as the bearer requirement, its permissions in
 * {@code x-permissions}, the built-in roles holding them ({@link PermissionHolders}) in {@code x-roles} and as the
 * description's first sentence ("Roles: manager, mechanic."), {@code @PermitAll} as no
 * requirement;</li>
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
    private static final String PAGINATION = "Pagination";
    /** The operation extension listing the roles that may call it. */
    public static final String ROLES = "x-roles";
    /** The operation extension listing the permissions that admit a caller (any one of them). */
    public static final String PERMISSIONS = "x-permissions";

    private static final PermissionHolders HOLDERS = PermissionHolders.installed();
    /** The schema extension stating the most digits a decimal has after its point (XML Schema's fractionDigits). */
    public static final String FRACTION_DIGITS = "x-fraction-digits";

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
        schemas.values().forEach(Schemas::snakeCase);
        schemas.values().forEach(Schemas::fractionDigits);
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
        if (verb == PathItem.HttpMethod.GET && ExportOperations.isExport(path)) {
            ExportOperations.describe(operation, path);
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
                    "PRECONDITION_REQUIRED: If-Match is missing (or \"*\"): GET the object and send its ETag");
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
     * The bearer requirement with the permissions of the Java method (or its class) in {@code x-permissions} and
     * the built-in roles holding them in {@code x-roles} (a higher role inherits a lower one's rights); public
     * operations require nothing. OpenAPI 3.1 would allow the
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
            List<String> holders = Arrays.stream(roles.value())
                    .flatMap(permission -> HOLDERS.holders(permission).stream())
                    .distinct()
                    .toList();
            operation.addExtension(PERMISSIONS, List.of(roles.value()));
            operation.addExtension(ROLES, holders);
            operation.setDescription(withRoles(holders, operation.getDescription()));
        }
    }

    /**
     * A description whose first sentence names the roles, written here from {@code @RolesAllowed} so that no
     * description types them again (a higher role inherits a lower one's rights; what differs per role the
     * description says after it).
     */
    static String withRoles(List<String> roles, String description) {
        String sentence = "Roles: " + String.join(", ", roles) + ".";
        return description == null || description.isBlank() ? sentence : sentence + " " + description.strip();
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
}
