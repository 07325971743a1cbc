package it.io.factoryops.support;

import it.io.factoryops.support.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules an exchange must follow to agree with the OpenAPI document (DESIGN §3 and §6).
 *
 * <p>Only paths under {@code /api} are checked. An exchange without a documented operation passes
 * only when the server agrees (404, 405). The response: its status is documented (or a
 * {@code default}), required headers are present, 204 and 304 have no body, a documented content
 * has a documented media type and a body valid against its schema, an undocumented content has no
 * body. The one exception: Liberty's JWT layer may answer 401 with an empty body and a
 * {@code WWW-Authenticate: Bearer} challenge. The request is checked only when the server accepted
 * it (2xx, 304): required parameters present, parameter values valid, no undocumented query
 * parameter, the body valid against the request body's schema (readOnly properties rejected).
 */
final class ContractCheck {

    private final OpenApiDocument document;

    ContractCheck(OpenApiDocument document) {
        this.document = document;
    }

    /** Every way in which this exchange disagrees with the document; empty when it agrees. */
    List<String> violations(Exchange exchange) {
        if (!exchange.path().equals("/api") && !exchange.path().startsWith("/api/")) {
            return List.of();
        }
        Optional<Operation> found = document.operation(exchange.method(), exchange.path());
        if (found.isEmpty()) {
            return exchange.status() == 404 || exchange.status() == 405
                    ? List.of()
                    : List.of("no documented operation " + exchange.method() + " " + exchange.path()
                            + ", yet the server answered " + exchange.status());
        }
        List<String> violations = new ArrayList<>(response(found.get(), exchange));
        if (exchange.status() / 100 == 2 || exchange.status() == 304) {
            violations.addAll(request(found.get(), exchange));
        }
        return violations;
    }

    private List<String> response(Operation operation, Exchange exchange) {
        Located responses = operation.child("responses");
        Optional<Located> documented = documentedResponse(responses, exchange.status());
        if (documented.isEmpty()) {
            return List.of("status " + exchange.status() + " is not documented (documented: "
                    + responses.node().propertyNames() + ")");
        }
        Located response = document.resolve(documented.get());
        List<String> violations = new ArrayList<>(missingHeaders(response, exchange));
        if (exchange.status() == 204 || exchange.status() == 304) {
            if (!exchange.responseBody().isEmpty()) {
                violations.add("a " + exchange.status() + " response must have no body, it has: "
                        + abbreviate(exchange.responseBody()));
            }
            return violations;
        }
        if (isBearerChallenge(exchange)) {
            return violations;
        }
        Located content = response.child("content");
        if (content.node().isEmpty()) {
            if (!exchange.responseBody().isEmpty()) {
                violations.add("the response has a body (" + exchange.responseMediaType()
                        + ") where the document describes none: " + abbreviate(exchange.responseBody()));
            }
            return violations;
        }
        violations.addAll(body("response", content, exchange.responseMediaType(), exchange.responseBody(), false));
        return violations;
    }

    private List<String> request(Operation operation, Exchange exchange) {
        List<String> violations = new ArrayList<>();
        Set<String> documentedQuery = new HashSet<>();
        Map<String, String> pathValues = OpenApiDocument.PathTemplate.values(operation.template(), exchange.path());
        for (Located parameter : operation.parameters()) {
            String in = parameter.text("in");
            String name = parameter.text("name");
            List<String> values = switch (in) {
                case "query" -> {
                    documentedQuery.add(name);
                    yield exchange.query().get(name);
                }
                case "header" -> exchange.requestHeaders().get(name);
                case "path" -> pathValues.containsKey(name) ? List.of(pathValues.get(name)) : null;
                default -> null;
            };
            if (values == null || values.isEmpty()) {
                if (parameter.node().path("required").asBoolean(false)) {
                    violations.add("the required " + in + " parameter " + name + " is missing");
                }
            } else if (parameter.child("schema").exists()) {
                JsonNode instance = ParameterValues.of(document, parameter.child("schema"), values);
                document.validate(parameter.child("schema").pointer(), instance, true)
                        .forEach(message -> violations.add(in + " parameter " + name + " " + values + ": " + message));
            }
        }
        exchange.query().keySet().stream()
                .filter(name -> !documentedQuery.contains(name))
                .sorted()
                .forEach(name -> violations.add("the query parameter " + name + " is not documented"));
        violations.addAll(requestBody(operation, exchange));
        return violations;
    }

    private List<String> requestBody(Operation operation, Exchange exchange) {
        if (exchange.requestBody() == null) {
            return List.of();
        }
        Located requestBody = operation.child("requestBody");
        if (!requestBody.exists()) {
            return exchange.requestBody().isEmpty()
                    ? List.of()
                    : List.of("the request has a body where the operation documents none");
        }
        requestBody = document.resolve(requestBody);
        if (exchange.requestBody().isEmpty()) {
            return requestBody.node().path("required").asBoolean(false)
                    ? List.of("the required request body is missing")
                    : List.of();
        }
        return body("request", requestBody.child("content"), exchange.requestMediaType(), exchange.requestBody(), true);
    }

    /** The media type is one of the content's, and the body valid against its schema (JSON only). */
    private List<String> body(String what, Located content, String mediaType, String body, boolean request) {
        MediaTypeKeys keys = new MediaTypeKeys(content.node().propertyNames());
        if (mediaType == null) {
            return List.of("the " + what + " has no Content-Type; documented: " + keys.names());
        }
        Optional<String> key = keys.match(mediaType);
        if (key.isEmpty()) {
            return List.of("the " + what + " media type " + mediaType + " is not documented (documented: "
                    + keys.names() + ")");
        }
        Located schema = content.child(key.get()).child("schema");
        if (!schema.exists() || !MediaTypes.isJson(mediaType)) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JsonMapper.shared().readTree(body);
        } catch (JacksonException notJson) {
            return List.of("the " + what + " body is not JSON: " + abbreviate(body));
        }
        if (instance.isMissingNode()) {
            return List.of("the " + what + " has no body where " + key.get() + " is documented");
        }
        return document.validate(schema.pointer(), instance, request).stream()
                .map(message -> "the " + what + " body (" + mediaType + ") " + message)
                .toList();
    }

    private Optional<Located> documentedResponse(Located responses, int status) {
        String code = Integer.toString(status);
        String range = code.charAt(0) + "XX";
        for (String key : new String[] {code, range, range.toLowerCase(Locale.ROOT), "default"}) {
            if (responses.child(key).exists()) {
                return Optional.of(responses.child(key));
            }
        }
        return Optional.empty();
    }

    private List<String> missingHeaders(Located response, Exchange exchange) {
        List<String> missing = new ArrayList<>();
        for (String name : response.child("headers").node().propertyNames()) {
            Located header = document.resolve(response.child("headers").child(name));
            if (!name.equalsIgnoreCase("Content-Type")
                    && header.node().path("required").asBoolean(false)
                    && exchange.responseHeader(name) == null) {
                missing.add("the required response header " + name + " is missing");
            }
        }
        return missing;
    }

    /** DESIGN §3: Liberty's MicroProfile JWT layer answers before the application, with an empty body. */
    private static boolean isBearerChallenge(Exchange exchange) {
        String challenge = exchange.responseHeader("WWW-Authenticate");
        return exchange.status() == 401
                && exchange.responseBody().isBlank()
                && exchange.responseMediaType() == null
                && challenge != null
                && challenge.regionMatches(true, 0, "Bearer", 0, 6);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The media-type keys of a content map: an exact key before a wildcard one. */
    private record MediaTypeKeys(Collection<String> names) {

        Optional<String> match(String mediaType) {
            return names.stream()
                    .filter(name -> MediaTypes.essence(name).equals(mediaType))
                    .findFirst()
                    .or(() -> names.stream()
                            .filter(name -> MediaTypes.covers(name, mediaType))
                            .findFirst());
        }
    }
}
