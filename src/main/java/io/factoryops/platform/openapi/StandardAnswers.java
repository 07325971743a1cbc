package io.factoryops.platform.openapi;

import static io.factoryops.platform.openapi.Schemas.integer;
import static io.factoryops.platform.openapi.Schemas.ref;
import static io.factoryops.platform.openapi.Schemas.string;
import static io.factoryops.platform.openapi.Schemas.stringHeader;
import static io.factoryops.platform.openapi.Schemas.versioned;

import io.factoryops.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every answer of {@link OpenApiContract}'s operations carries: the headers (request id, ETag, Location,
 * Retry-After, rate limits) and the RFC 9457 problems each operation may answer, with the Problem schema.
 */
final class StandardAnswers {

    static final String PROBLEM = "Problem";

    private StandardAnswers() {}

    static void headers(OpenAPI openAPI, String status, APIResponse response, Operation operation) {
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
    static void problems(PathItem.HttpMethod verb, Operation operation) {
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

    static APIResponse problem(APIResponses responses, String status, String description) {
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

    static Schema problemSchema() {
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
                .addProperty(
                        "error",
                        string().enumeration(List.of("invalid_request", "invalid_client", "unsupported_grant_type"))
                                .description("POST /api/oauth/token: the RFC 6749 error code, for OAuth libraries"))
                .addProperty("max_rows", integer().description("EXPORT_TOO_LARGE: the most rows the format takes"))
                .addProperty(
                        "rows",
                        integer().format("int64").description("EXPORT_TOO_LARGE: the rows that the filters select"))
                .required(new ArrayList<>(List.of("type", "title", "status", "code")));
    }

    /** One short item of an INSUFFICIENT_STOCK problem: a product's or a part's id and name. */
    static Schema shortage() {
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
}
