package it.io.factoryops.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A Postman collection (v2.1) generated from the OpenAPI document in the order of {@link PostmanRun}: the
 * operations' paths, parameters, headers and example bodies from the document, the run's values put in (ids that
 * earlier answers left in collection variables, the run's unique tag), a test per request asserting its status and
 * keeping what later requests need, the collection's bearer auth sending {@code {{access_token}}}. Generation fails
 * on an operation the run does not call, or a status the document does not list. The same document always gives the
 * same text (ids derived from the run's order and the operationIds), so that the committed copy in
 * {@code docs/postman/} can be compared with it (PostmanCollectionIT).
 */
public final class PostmanCollection {

    public static final String FILE = "docs/postman/factory-ops.postman_collection.json";
    /** One provider: each {@code Json.createX} call looks the provider up again, which costs seconds here. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final List<String> METHODS =
            List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    private final JsonObject document;

    private PostmanCollection(JsonObject document) {
        this.document = document;
    }

    /** The collection of this OpenAPI document, pretty-printed, with a trailing newline. */
    public static String generate(String openApiJson) {
        try (var reader = JSON.createReader(new StringReader(openApiJson))) {
            return print(new PostmanCollection(reader.readObject()).collection()) + "\n";
        }
    }

    private JsonObject collection() {
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            byId.put(operation.id(), operation);
        }
        Set<String> called = new TreeSet<>();
        Set<String> variables = new LinkedHashSet<>(PostmanRun.SET_FIRST);
        variables.addAll(List.of("access_token", "refresh_token"));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        int number = 0;
        for (PostmanRun.Folder folder : PostmanRun.folders()) {
            JsonArrayBuilder requests = JSON.createArrayBuilder();
            for (PostmanStep step : folder.steps()) {
                Operation operation = byId.get(step.operationId);
                if (operation == null) {
                    throw new IllegalStateException("PostmanRun calls " + step.operationId
                            + ", which the OpenAPI document does not have: change its step in PostmanRun");
                }
                called.add(operation.id());
                variables.addAll(step.captures.keySet());
                if (step.etag != null) {
                    variables.add(step.etag);
                }
                if (step.token != null && !step.token.isEmpty()) {
                    variables.add(step.token);
                }
                requests.add(request(operation, step, ++number));
            }
            items.add(folder(folder.name(), folder.description(), requests.build()));
        }
        Set<String> missing = new TreeSet<>(byId.keySet());
        missing.removeAll(called);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document has operations that the Postman run does not call: "
                    + missing + ". Give each a step in it.io.factoryops.support.PostmanRun (after the requests that "
                    + "create what it needs), then refresh the collection.");
        }
        JsonArrayBuilder variableList = JSON.createArrayBuilder()
                .add(variable("baseUrl", "http://localhost:9080"))
                .add(variable("username", "admin"))
                .add(variable("password", ""))
                .add(variable("run_password", PostmanRun.RUN_ACCOUNT_PASSWORD));
        variables.forEach(name -> variableList.add(variable(name, "")));
        JsonObject info = document.getJsonObject("info");
        return JSON.createObjectBuilder()
                .add(
                        "info",
                        JSON.createObjectBuilder()
                                .add("_postman_id", id("collection"))
                                .add("name", info == null ? "Factory Ops" : info.getString("title", "Factory Ops"))
                                .add(
                                        "description",
                                        "Generated from the server's OpenAPI document (/openapi) by "
                                                + "it.io.factoryops.support.PostmanCollection in the order of "
                                                + "it.io.factoryops.support.PostmanRun; PostmanCollectionIT proves it "
                                                + "current and NewmanIT runs it. Set baseUrl, username and password (a "
                                                + "super admin) and run the whole collection in order: it creates "
                                                + "accounts and records of its own, takes each id from an earlier "
                                                + "answer and signs out last.")
                                .add("schema", SCHEMA))
                .add("auth", bearer("access_token"))
                .add("variable", variableList)
                .add("item", items)
                .build();
    }

    private JsonObject request(Operation operation, PostmanStep step, int number) {
        List<JsonObject> query = new ArrayList<>();
        List<JsonObject> pathVariables = new ArrayList<>();
        JsonArrayBuilder headers = JSON.createArrayBuilder();
        for (JsonObject parameter : operation.parameters()) {
            String name = parameter.getString("name");
            String description = parameter.getString("description", null);
            boolean required = parameter.getBoolean("required", false);
            switch (parameter.getString("in")) {
                case "query" -> {
                    String value = step.query.get(name);
                    query.add(entry(name, value == null ? exampleText(parameter) : value, description, value == null));
                }
                case "path" -> {
                    String value = step.path.get(name);
                    if (value == null) {
                        throw new IllegalStateException("PostmanRun: " + operation.id() + " (request " + number
                                + ") sets no path variable " + name);
                    }
                    pathVariables.add(entry(name, value, description, false));
                }
                case "header" -> {
                    String value = step.headers.get(name);
                    if (name.equalsIgnoreCase("Idempotency-Key")) {
                        headers.add(header(name, "{{$guid}}", description, false));
                    } else if (value != null) {
                        headers.add(header(name, value, description, false));
                    } else if (required) {
                        throw new IllegalStateException("PostmanRun: " + operation.id() + " (request " + number
                                + ") sends no " + name + ", which the document requires");
                    } else {
                        headers.add(header(name, exampleText(parameter), description, true));
                    }
                }
                default -> {}
            }
        }
        JsonObjectBuilder request = JSON.createObjectBuilder();
        if (step.token != null) {
            request.add(
                    "auth",
                    step.token.isEmpty()
                            ? JSON.createObjectBuilder().add("type", "noauth").build()
                            : bearer(step.token));
        } else if (operation.isPublic()) {
            request.add("auth", JSON.createObjectBuilder().add("type", "noauth"));
        }
        request.add("method", operation.method().toUpperCase());
        String body = step.form.isEmpty() ? body(operation, step) : null;
        if (body != null) {
            headers.add(header("Content-Type", "application/json", null, false));
        } else if (!step.form.isEmpty()) {
            headers.add(header("Content-Type", "application/x-www-form-urlencoded", null, false));
        }
        request.add("header", headers);
        if (body != null) {
            request.add("body", rawJson(body));
        } else if (!step.form.isEmpty()) {
            JsonArrayBuilder fields = JSON.createArrayBuilder();
            step.form.forEach((name, value) -> fields.add(entry(name, value, null, false)));
            request.add(
                    "body", JSON.createObjectBuilder().add("mode", "urlencoded").add("urlencoded", fields));
        }
        request.add("url", url(operation.path(), pathVariables, query));
        String description = operation.node().getString("description", "");
        request.add(
                "description",
                (description.isEmpty() ? "" : description + "\n\n")
                        + (step.note == null ? "" : step.note + "\n\n")
                        + "operationId: " + operation.id());
        JsonArrayBuilder events = JSON.createArrayBuilder();
        if (step.preRequest != null) {
            events.add(event("prerequest", step.preRequest));
        }
        events.add(event("test", testScript(operation, step)));
        return JSON.createObjectBuilder()
                .add("id", id(number + " " + operation.id()))
                .add(
                        "name",
                        step.name != null
                                ? step.name
                                : operation
                                        .node()
                                        .getString(
                                                "summary", operation.method().toUpperCase() + " " + operation.path()))
                .add("event", events)
                .add("request", request)
                .add("response", JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    /** Asserts the expected status (the step's, else the documented success), then keeps what later requests need. */
    private static String testScript(Operation operation, PostmanStep step) {
        int status = step.status != null ? step.status : operation.success();
        if (!operation.documents(status)) {
            throw new IllegalStateException(
                    "PostmanRun expects " + status + " from " + operation.id() + ", which the document does not list");
        }
        List<String> lines = new ArrayList<>(List.of(
                "pm.test(\"answers " + status + "\", function () {",
                "    // the answer's body in the message of a failure: a problem's code and detail",
                "    pm.expect(pm.response.code, pm.response.text()).to.equal(" + status + ");",
                "});"));
        if (step.essential) {
            lines.addAll(List.of(
                    "if (pm.response.code !== " + status + ") {",
                    "    // nothing after this request can pass without it: stop the run here",
                    "    postman.setNextRequest(null);",
                    "}"));
        }
        if (!step.captures.isEmpty() || step.etag != null) {
            lines.add("if (pm.response.code === " + status + ") {");
            if (!step.captures.isEmpty()) {
                lines.add("    const body = pm.response.json();");
            }
            step.captures.forEach((variable, expression) ->
                    lines.add("    pm.collectionVariables.set(\"" + variable + "\", " + expression + ");"));
            if (step.etag != null) {
                lines.add("    pm.collectionVariables.set(\"" + step.etag + "\", pm.response.headers.get(\"ETag\"));");
            }
            lines.add("}");
        }
        return String.join("\n", lines);
    }

    private static JsonObject event(String listen, String script) {
        JsonArrayBuilder exec = JSON.createArrayBuilder();
        script.lines().forEach(exec::add);
        return JSON.createObjectBuilder()
                .add("listen", listen)
                .add(
                        "script",
                        JSON.createObjectBuilder()
                                .add("type", "text/javascript")
                                .add("exec", exec))
                .build();
    }

    /**
     * The raw body: the step's own, else the document's example with the step's members put in (their raw text may
     * hold unquoted variables such as {@code {{customer_id}}}, so the result is JSON only once Postman fills them).
     */
    private String body(Operation operation, PostmanStep step) {
        if (step.rawBody != null) {
            return step.rawBody;
        }
        JsonObject requestBody = requestBody(operation);
        if (requestBody == null) {
            return null;
        }
        JsonValue example = requestBody.get("example");
        if (step.body.isEmpty() || !(example instanceof JsonObject object)) {
            return print(example);
        }
        JsonObjectBuilder merged = JSON.createObjectBuilder(object);
        Map<String, String> raw = new LinkedHashMap<>();
        step.body.forEach((member, value) -> {
            if (value == null) {
                merged.remove(member);
            } else {
                String marker = "@@" + member + "@@";
                merged.add(member, marker);
                raw.put(JSON.createValue(marker).toString(), value);
            }
        });
        String text = print(merged.build());
        for (Map.Entry<String, String> replacement : raw.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    /** {@code {"example": …}} of the JSON request body (its own example, or its schema's), null without a body. */
    private JsonObject requestBody(Operation operation) {
        JsonValue requestBody = operation.node().get("requestBody");
        if (requestBody == null) {
            return null;
        }
        JsonObject content = resolve(requestBody).asJsonObject().getJsonObject("content");
        JsonObject media = content == null ? null : content.getJsonObject("application/json");
        JsonValue example = media == null ? null : example(media);
        return JSON.createObjectBuilder()
                .add("example", example == null ? JsonValue.EMPTY_JSON_OBJECT : example)
                .build();
    }

    /** A media type's or a parameter's {@code example}, first of {@code examples}, else its schema's. */
    private JsonValue example(JsonObject holder) {
        if (holder.containsKey("example")) {
            return holder.get("example");
        }
        JsonValue examples = holder.get("examples");
        if (examples instanceof JsonObject named && !named.isEmpty()) {
            return resolve(named.values().iterator().next()).asJsonObject().get("value");
        }
        JsonValue schema = holder.get("schema");
        if (schema == null) {
            return null;
        }
        JsonObject resolved = resolve(schema).asJsonObject();
        if (resolved.get("examples") instanceof JsonArray list && !list.isEmpty()) {
            return list.get(0);
        }
        return resolved.get("example");
    }

    private String exampleText(JsonObject parameter) {
        JsonValue example = example(parameter);
        return example == null ? "" : example instanceof JsonString text ? text.getString() : example.toString();
    }

    private JsonValue resolve(JsonValue value) {
        JsonValue current = value;
        for (int hops = 0; current instanceof JsonObject object && object.containsKey("$ref") && hops < 20; hops++) {
            current = JSON.createPointer(object.getString("$ref").substring(1)).getValue(document);
        }
        return current;
    }

    private String tagDescription(String tag) {
        JsonArray tags = document.getJsonArray("tags");
        if (tags != null) {
            for (JsonObject t : tags.getValuesAs(JsonObject.class)) {
                if (t.getString("name").equals(tag)) {
                    return t.getString("description", "");
                }
            }
        }
        return "";
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : new TreeMap<>(paths).keySet()) {
            JsonObject item = resolve(paths.get(path)).asJsonObject();
            for (String method : METHODS) {
                if (item.containsKey(method)) {
                    operations.add(new Operation(
                            path, method, item.getJsonObject(method), parameters(item, item.getJsonObject(method))));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(o -> METHODS.indexOf(o.method())));
        return operations;
    }

    private List<JsonObject> parameters(JsonObject item, JsonObject operation) {
        Map<String, JsonObject> byKey = new LinkedHashMap<>();
        for (JsonObject owner : List.of(item, operation)) {
            JsonArray list = owner.getJsonArray("parameters");
            if (list != null) {
                for (JsonValue value : list) {
                    JsonObject parameter = resolve(value).asJsonObject();
                    byKey.put(parameter.getString("in") + ":" + parameter.getString("name"), parameter);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static JsonObject folder(String name, String description, JsonArray items) {
        return JSON.createObjectBuilder()
                .add("id", id("folder " + name))
                .add("name", name)
                .add("description", description)
                .add("item", items)
                .build();
    }

    private static JsonObject url(String path, List<JsonObject> variables, List<JsonObject> query) {
        String postmanPath = path.replaceAll("\\{([^}/]+)}", ":$1");
        JsonArrayBuilder segments = JSON.createArrayBuilder();
        for (String segment : postmanPath.substring(1).split("/")) {
            segments.add(segment);
        }
        JsonObjectBuilder url = JSON.createObjectBuilder()
                .add("raw", "{{baseUrl}}" + postmanPath)
                .add("host", JSON.createArrayBuilder().add("{{baseUrl}}"))
                .add("path", segments);
        if (!query.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            query.forEach(list::add);
            url.add("query", list);
        }
        if (!variables.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            variables.forEach(list::add);
            url.add("variable", list);
        }
        return url.build();
    }

    private static JsonObject rawJson(String text) {
        return JSON.createObjectBuilder()
                .add("mode", "raw")
                .add("raw", text)
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("raw", JSON.createObjectBuilder().add("language", "json")))
                .build();
    }

    private static JsonObject entry(String key, String value, String description, boolean disabled) {
        JsonObjectBuilder entry = JSON.createObjectBuilder().add("key", key).add("value", value);
        if (description != null) {
            entry.add("description", description);
        }
        if (disabled) {
            entry.add("disabled", true);
        }
        return entry.build();
    }

    private static JsonObject header(String key, String value, String description, boolean disabled) {
        return JSON.createObjectBuilder(entry(key, value, description, disabled))
                .add("type", "text")
                .build();
    }

    private static JsonObject variable(String key, String value) {
        return JSON.createObjectBuilder()
                .add("key", key)
                .add("value", value)
                .add("type", "string")
                .build();
    }

    private static JsonObject bearer(String tokenVariable) {
        return JSON.createObjectBuilder()
                .add("type", "bearer")
                .add(
                        "bearer",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("key", "token")
                                        .add("value", "{{" + tokenVariable + "}}")
                                        .add("type", "string")))
                .build();
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("factory-ops " + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** JSON with two-space indentation, {@code {}} and {@code []} for empty containers (JSON-P's printer cannot). */
    private static String print(JsonValue value) {
        StringBuilder out = new StringBuilder();
        print(value, "", out);
        return out.toString();
    }

    private static void print(JsonValue value, String indent, StringBuilder out) {
        String inner = indent + "  ";
        if (value instanceof JsonObject object && !object.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                out.append(inner).append(JSON.createValue(member.getKey())).append(": ");
                print(member.getValue(), inner, out);
                out.append(++i < object.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < array.size(); i++) {
                out.append(inner);
                print(array.get(i), inner, out);
                out.append(i + 1 < array.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(value);
        }
    }

    /** One operation of the document with its effective parameters. */
    private record Operation(String path, String method, JsonObject node, List<JsonObject> parameters) {

        String id() {
            return node.getString("operationId", method + " " + path);
        }

        String tag() {
            JsonArray tags = node.getJsonArray("tags");
            return tags == null || tags.isEmpty() ? "Other" : tags.getString(0);
        }

        boolean isPublic() {
            JsonArray security = node.getJsonArray("security");
            return security != null && security.isEmpty();
        }

        /** The documented success status (the lowest 2xx). */
        int success() {
            return responses().stream()
                    .filter(code -> code.matches("2\\d\\d"))
                    .map(Integer::valueOf)
                    .min(Integer::compare)
                    .orElseThrow(() -> new IllegalStateException(id() + " documents no success"));
        }

        boolean documents(int status) {
            return responses().contains(Integer.toString(status));
        }

        private Set<String> responses() {
            JsonObject responses = node.getJsonObject("responses");
            return responses == null ? Set.of() : responses.keySet();
        }
    }
}
