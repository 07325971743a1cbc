package io.factoryops.platform.http;

import io.factoryops.platform.error.ErrorCode;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document: the Problem schema with every stable error code, and on each
 * operation the problem responses every endpoint can give (400, 401/403 when secured, 404, 413 when it
 * takes a body, 429, 500), unless the operation documents them itself. Registered with {@code mp.openapi.filter}.
 */
public class OpenApiProblems implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        Map<String, String> standard = new java.util.LinkedHashMap<>();
        standard.put("400", "VALIDATION_FAILED, INVALID_PARAMETER, MALFORMED_JSON (with one entry per invalid field)");
        if (secured) {
            standard.put("401", "UNAUTHORIZED, TOKEN_REVOKED: missing, expired, forged or revoked token "
                    + "(WWW-Authenticate: Bearer)");
            standard.put("403", "FORBIDDEN: the token's role may not do this");
        }
        standard.put("404", "NOT_FOUND");
        if (operation.getRequestBody() != null) {
            standard.put("413", "PAYLOAD_TOO_LARGE: the body exceeds the route's limit (max_bytes)");
        }
        standard.put("429", "RATE_LIMITED, with Retry-After and RateLimit-* headers");
        standard.put("500", "INTERNAL_ERROR: no internals, quote request_id");
        for (Map.Entry<String, String> entry : standard.entrySet()) {
            if (responses.getAPIResponse(entry.getKey()) == null) {
                responses.addAPIResponse(entry.getKey(), OASFactory.createAPIResponse()
                        .description(entry.getValue()).content(problemContent()));
            } else if (responses.getAPIResponse(entry.getKey()).getContent() == null) {
                responses.getAPIResponse(entry.getKey()).content(problemContent());
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, application/problem+json")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(Arrays.stream(ErrorCode.values()).map(c -> (Object) c.name()).toList()))
                .addProperty("request_id", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF));
        return OASFactory.createContent().addMediaType("application/problem+json", media);
    }
}
