package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check against a small in-memory OpenAPI 3.1 document, without a server. */
class ContractCheckTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "things", "version": "1"},
              "paths": {
                "/api/things": {
                  "get": {
                    "parameters": [
                      {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                      {"name": "active", "in": "query", "schema": {"type": "boolean"}},
                      {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 5}}
                    ],
                    "responses": {
                      "200": {"description": "a page", "headers": {"Link": {"required": true, "schema": {"type": "string"}}},
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}},
                      "401": {"$ref": "#/components/responses/Problem"}
                    }
                  },
                  "post": {
                    "parameters": [{"name": "Idempotency-Key", "in": "header", "required": true, "schema": {"type": "string"}}],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "responses": {
                      "201": {"description": "created", "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "400": {"$ref": "#/components/responses/Problem"}
                    }
                  }
                },
                "/api/things/{id}": {
                  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                  "get": {
                    "responses": {
                      "200": {"description": "one", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "304": {"description": "not modified"},
                      "default": {"$ref": "#/components/responses/Problem"}
                    }
                  },
                  "delete": {"responses": {"204": {"description": "deleted"}}}
                }
              },
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "required": ["full_name", "status"],
                    "properties": {
                      "id": {"type": "integer", "readOnly": true},
                      "full_name": {"type": "string", "minLength": 1},
                      "status": {"type": "string", "enum": ["new", "done"]},
                      "note": {"type": ["string", "null"]},
                      "price": {"type": "number", "x-fraction-digits": 2},
                      "created_at": {"type": "string", "format": "date-time", "readOnly": true}
                    }
                  },
                  "ThingPage": {
                    "type": "object",
                    "required": ["data"],
                    "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}
                  },
                  "Problem": {
                    "type": "object",
                    "required": ["status", "code"],
                    "properties": {"status": {"type": "integer"}, "code": {"type": "string"}}
                  }
                },
                "responses": {
                  "Problem": {"description": "a problem",
                              "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                }
              }
            }
            """;

    private static final String THING = """
            {"id": 7, "full_name": "Ada", "status": "new", "note": null, "created_at": "2026-11-26T06:00:00Z"}""";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM =
            Map.of("Content-Type", List.of("application/problem+json"));

    private final ContractCheck check = new ContractCheck(OpenApiDocument.parse(DOCUMENT));

    @Test
    void acceptsAConformingResponse() {
        assertEquals(List.of(), check.violations(get("/api/things/7", 200, JSON, THING)));
        assertEquals(List.of(), check.violations(get("/api/things/7", 200, JSON, THING.replace("null", "\"a note\""))));
        assertEquals(
                List.of(),
                check.violations(get(
                        "/api/things",
                        200,
                        Map.of(
                                "Content-Type",
                                List.of("application/json; charset=UTF-8"),
                                "link",
                                List.of("</api/things?page=1>; rel=\"first\"")),
                        "{\"data\": [" + THING + "]}")));
    }

    @Test
    void rejectsAWrongType() {
        assertViolation(
                get("/api/things/7", 200, JSON, THING.replace("\"id\": 7", "\"id\": \"7\"")),
                "/id: string found, integer expected");
        assertViolation(
                get("/api/things/7", 200, JSON, THING.replace("null", "3")),
                "/note: integer found, [string, null] expected");
    }

    @Test
    void rejectsAMissingRequiredProperty() {
        assertViolation(
                get("/api/things/7", 200, JSON, "{\"id\": 7, \"fullName\": \"Ada\", \"status\": \"new\"}"),
                "required property 'full_name' not found");
    }

    @Test
    void rejectsAValueOutsideTheEnumAndABadFormat() {
        assertViolation(
                get("/api/things/7", 200, JSON, THING.replace("\"new\"", "\"NEW\"")),
                "/status: does not have a value in the enumeration");
        assertViolation(
                get("/api/things/7", 200, JSON, THING.replace("2026-11-26T06:00:00Z", "yesterday")), "/created_at");
    }

    @Test
    void rejectsAResponsePropertyTheDocumentDoesNotDescribe() {
        assertViolation(
                get("/api/things/7", 200, JSON, THING.replace("\"full_name\"", "\"full_name\": \"Ada\", \"fullName\"")),
                "fullName");
        assertViolation(
                get(
                        "/api/things",
                        200,
                        Map.of("Content-Type", List.of("application/json"), "Link", List.of("<x>")),
                        "{\"data\": [" + THING.replace("\"note\"", "\"createdAt\": \"x\", \"note\"") + "]}"),
                "createdAt");
    }

    @Test
    void checksTheFractionDigitsOfADecimalExactly() {
        for (String price : List.of("0.09", "1.53", "0.1", "7", "123456.78")) {
            assertEquals(
                    List.of(),
                    check.violations(
                            get("/api/things/7", 200, JSON, THING.replace("null", "null, \"price\": " + price))),
                    price);
        }
        assertViolation(get("/api/things/7", 200, JSON, THING.replace("null", "null, \"price\": 0.123")), "/price");
    }

    @Test
    void rejectsAnUndocumentedStatus() {
        assertViolation(
                get("/api/things", 409, PROBLEM, "{\"status\": 409, \"code\": \"CONFLICT\"}"),
                "status 409 is not documented");
    }

    @Test
    void aDefaultResponseDocumentsEveryOtherStatus() {
        assertEquals(
                List.of(),
                check.violations(get("/api/things/7", 404, PROBLEM, "{\"status\": 404, \"code\": \"NOT_FOUND\"}")));
    }

    @Test
    void rejectsAWrongMediaType() {
        assertViolation(
                get("/api/things/7", 404, JSON, "{\"status\": 404, \"code\": \"NOT_FOUND\"}"),
                "media type application/json is not documented (documented: [application/problem+json])");
        assertViolation(
                get("/api/things/7", 200, PROBLEM, THING), "media type application/problem+json is not documented");
        assertViolation(get("/api/things/7", 200, Map.of(), THING), "has no Content-Type");
    }

    @Test
    void rejectsAMissingRequiredHeader() {
        assertViolation(
                get("/api/things", 200, JSON, "{\"data\": []}"), "the required response header Link is missing");
    }

    @Test
    void rejectsABodyWhereNoneIsDocumentedAndOnA204Or304() {
        assertViolation(
                new Exchange("DELETE", "/api/things/7", Map.of(), Map.of(), "", 204, JSON, "{}"),
                "204 response must have no body");
        assertViolation(get("/api/things/7", 304, JSON, THING), "304 response must have no body");
        assertEquals(List.of(), check.violations(get("/api/things/7", 304, Map.of(), "")));
    }

    @Test
    void acceptsLibertysEmptyBearerChallengeOnlyWhereA401IsDocumented() {
        Map<String, List<String>> challenge =
                Map.of("WWW-Authenticate", List.of("Bearer realm=\"MP-JWT\", error=\"invalid_token\""));
        assertEquals(List.of(), check.violations(get("/api/things", 401, challenge, "")));
        assertViolation(
                new Exchange("DELETE", "/api/things/7", Map.of(), Map.of(), "", 401, challenge, ""),
                "status 401 is not documented");
        assertViolation(get("/api/things", 401, Map.of(), ""), "has no Content-Type");
    }

    @Test
    void undocumentedOperationsPassOnlyWhenTheServerAgrees() {
        assertEquals(List.of(), check.violations(get("/api/nothing", 404, PROBLEM, "{}")));
        assertEquals(
                List.of(),
                check.violations(new Exchange("PUT", "/api/things", Map.of(), Map.of(), "", 405, PROBLEM, "{}")));
        assertViolation(
                get("/api/nothing", 200, JSON, "{}"),
                "no documented operation GET /api/nothing, yet the server answered 200");
        assertEquals(List.of(), check.violations(get("/health", 200, JSON, "{}")), "outside /api");
    }

    @Test
    void checksAnAcceptedRequestBodyAndItsHeaders() {
        Map<String, List<String>> headers =
                Map.of("Content-Type", List.of("application/json"), "Idempotency-Key", List.of("k1"));
        Map<String, List<String>> created =
                Map.of("Content-Type", List.of("application/json"), "Location", List.of("/api/things/7"));
        assertEquals(
                List.of(),
                check.violations(post(headers, "{\"full_name\": \"Ada\", \"status\": \"new\"}", 201, created, THING)));
        assertEquals(
                List.of(),
                check.violations(post(
                        headers, "{\"full_name\": \"Ada\", \"status\": \"new\", \"extra\": 1}", 201, created, THING)),
                "requests stay open: the server may ignore what it does not know");
        assertViolation(
                post(headers, "{\"full_name\": \"Ada\"}", 201, created, THING), "required property 'status' not found");
        assertViolation(
                post(headers, "{\"id\": 7, \"full_name\": \"Ada\", \"status\": \"new\"}", 201, created, THING),
                "/id: is a readonly field");
        assertViolation(
                post(JSON, "{\"full_name\": \"Ada\", \"status\": \"new\"}", 201, created, THING),
                "the required header parameter Idempotency-Key is missing");
        assertViolation(
                post(headers, "{\"full_name\": \"Ada\", \"status\": \"new\"}", 201, JSON, THING),
                "the required response header Location is missing");
    }

    @Test
    void doesNotCheckARequestTheServerRefused() {
        assertEquals(
                List.of(),
                check.violations(post(
                        JSON,
                        "{\"full_name\": 3}",
                        400,
                        PROBLEM,
                        "{\"status\": 400, \"code\": \"VALIDATION_FAILED\"}")));
    }

    @Test
    void checksQueryParametersOfAnAcceptedRequestAsTheirSchemaTypes() {
        Map<String, List<String>> linked = Map.of("Content-Type", List.of("application/json"), "Link", List.of("<x>"));
        assertEquals(
                List.of(),
                check.violations(new Exchange(
                        "GET",
                        "/api/things",
                        Map.of("page", List.of("2"), "active", List.of("true"), "q", List.of("12")),
                        Map.of(),
                        "",
                        200,
                        linked,
                        "{\"data\": []}")));
        assertViolation(
                new Exchange(
                        "GET",
                        "/api/things",
                        Map.of("page", List.of("0")),
                        Map.of(),
                        "",
                        200,
                        linked,
                        "{\"data\": []}"),
                "query parameter page [0]: must have a minimum value of 1");
        assertViolation(
                new Exchange(
                        "GET",
                        "/api/things",
                        Map.of("active", List.of("yes")),
                        Map.of(),
                        "",
                        200,
                        linked,
                        "{\"data\": []}"),
                "query parameter active [yes]");
        assertViolation(
                new Exchange(
                        "GET",
                        "/api/things",
                        Map.of("sort", List.of("name")),
                        Map.of(),
                        "",
                        200,
                        linked,
                        "{\"data\": []}"),
                "the query parameter sort is not documented");
    }

    private void assertViolation(Exchange exchange, String expected) {
        List<String> violations = check.violations(exchange);
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected «" + expected + "» in " + violations);
    }

    private static Exchange get(String path, int status, Map<String, List<String>> headers, String body) {
        return new Exchange("GET", path, Map.of(), Map.of(), "", status, headers, body);
    }

    private static Exchange post(
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {
        return new Exchange(
                "POST", "/api/things", Map.of(), requestHeaders, requestBody, status, responseHeaders, responseBody);
    }
}
