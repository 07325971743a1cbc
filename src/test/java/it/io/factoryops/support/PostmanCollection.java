package it.io.factoryops.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A Postman collection (v2.1) generated from the OpenAPI document: a first folder "Auth" whose
 * "Login" stores the tokens in collection variables, the collection's bearer auth sending
 * {@code {{access_token}}}, then a folder per tag with one request per operation. The same
 * document always gives the same text (sorted, ids derived from operationIds), so that the
 * committed copy in {@code docs/postman/} can be compared with it (PostmanCollectionIT).
 */
public final class PostmanCollection {

    public static final String FILE = "docs/postman/factory-ops.postman_collection.json";
    static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final String LOGIN_PATH = "/api/auth/login";
    private static final List<String> METHODS =
            List.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    private final JsonObject document;

    private PostmanCollection(JsonObject document) {
        this.document = document;
    }

    /** The collection of this OpenAPI document, pretty-printed, with a trailing newline. */
    public static String generate(String openApiJson) {
        try (var reader = Json.createReader(new StringReader(openApiJson))) {
            return print(new PostmanCollection(reader.readObject()).collection()) + "\n";
        }
    }

    private JsonObject collection() {
        Map<String, List<JsonObject>> folders = new TreeMap<>();
        for (Operation operation : operations()) {
            if (!operation.is("post", LOGIN_PATH)) {
                folders.computeIfAbsent(operation.tag(), tag -> new ArrayList<>())
                        .add(request(operation));
            }
        }
        List<JsonObject> auth = new ArrayList<>(List.of(login()));
        auth.addAll(folders.getOrDefault("Auth", List.of()));
        folders.remove("Auth");
        JsonArrayBuilder items = Json.createArrayBuilder()
                .add(folder("Auth", "Log in first: the tokens are kept in the collection variables.", auth));
        folders.forEach((tag, requests) -> items.add(folder(tag, tagDescription(tag), requests)));
        JsonObject info = document.getJsonObject("info");
        return Json.createObjectBuilder()
                .add(
                        "info",
                        Json.createObjectBuilder()
                                .add("_postman_id", id("collection"))
                                .add("name", info == null ? "Factory Ops" : info.getString("title", "Factory Ops"))
                                .add(
                                        "description",
                                        "Generated from the server's OpenAPI document (/openapi) by "
                                                + "it.io.factoryops.support.PostmanCollection; PostmanCollectionIT proves it current. "
                                                + "Set baseUrl, username and password, run Auth/Login, then any request.")
                                .add("schema", SCHEMA))
                .add("auth", bearer())
                .add(
                        "variable",
                        Json.createArrayBuilder()
                                .add(variable("baseUrl", "http://localhost:9080"))
                                .add(variable("username", "admin"))
                                .add(variable("password", ""))
                                .add(variable("access_token", ""))
                                .add(variable("refresh_token", "")))
                .add("item", items)
                .build();
    }

    private JsonObject login() {
        JsonObject body = Json.createObjectBuilder()
                .add("username", "{{username}}")
                .add("password", "{{password}}")
                .build();
        JsonArrayBuilder script = Json.createArrayBuilder();
        for (String line : List.of(
                "pm.test(\"logged in\", function () {",
                "    pm.response.to.have.status(200);",
                "});",
                "if (pm.response.code === 200) {",
                "    const tokens = pm.response.json();",
                "    pm.collectionVariables.set(\"access_token\", tokens.access_token);",
                "    pm.collectionVariables.set(\"refresh_token\", tokens.refresh_token);",
                "}")) {
            script.add(line);
        }
        return Json.createObjectBuilder()
                .add("id", id("login"))
                .add("name", "Login")
                .add(
                        "event",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("listen", "test")
                                        .add(
                                                "script",
                                                Json.createObjectBuilder()
                                                        .add("type", "text/javascript")
                                                        .add("exec", script))))
                .add(
                        "request",
                        Json.createObjectBuilder()
                                .add("auth", Json.createObjectBuilder().add("type", "noauth"))
                                .add("method", "POST")
                                .add(
                                        "header",
                                        Json.createArrayBuilder()
                                                .add(header("Content-Type", "application/json", null, false)))
                                .add("body", rawJson(body))
                                .add("url", url(LOGIN_PATH, List.of(), List.of()))
                                .add(
                                        "description",
                                        "Logs in as {{username}} and stores access_token and refresh_token in the "
                                                + "collection variables; the other requests send {{access_token}} as their bearer token."))
                .add("response", JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    private JsonObject request(Operation operation) {
        List<JsonObject> query = new ArrayList<>();
        List<JsonObject> pathVariables = new ArrayList<>();
        JsonArrayBuilder headers = Json.createArrayBuilder();
        for (JsonObject parameter : operation.parameters()) {
            String name = parameter.getString("name");
            String description = parameter.getString("description", null);
            switch (parameter.getString("in")) {
                case "query" -> query.add(entry(name, exampleText(parameter), description, true));
                case "path" -> pathVariables.add(entry(name, "", description, false));
                case "header" ->
                    headers.add(
                            name.equalsIgnoreCase("Idempotency-Key")
                                    ? header(name, "{{$guid}}", description, false)
                                    : header(
                                            name,
                                            exampleText(parameter),
                                            description,
                                            !parameter.getBoolean("required", false)));
                default -> {}
            }
        }
        JsonObjectBuilder request = Json.createObjectBuilder();
        if (operation.isPublic()) {
            request.add("auth", Json.createObjectBuilder().add("type", "noauth"));
        }
        request.add("method", operation.method().toUpperCase());
        JsonObject body = requestBody(operation);
        if (body != null) {
            headers.add(header("Content-Type", "application/json", null, false));
        }
        request.add("header", headers);
        if (body != null) {
            request.add("body", rawJson(body.get("example")));
        }
        request.add("url", url(operation.path(), pathVariables, query));
        String description = operation.node().getString("description", "");
        request.add(
                "description", (description.isEmpty() ? "" : description + "\n\n") + "operationId: " + operation.id());
        return Json.createObjectBuilder()
                .add("id", id(operation.id()))
                .add(
                        "name",
                        operation
                                .node()
                                .getString("summary", operation.method().toUpperCase() + " " + operation.path()))
                .add("request", request)
                .add("response", JsonValue.EMPTY_JSON_ARRAY)
                .build();
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
        return Json.createObjectBuilder()
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
            current = Json.createPointer(object.getString("$ref").substring(1)).getValue(document);
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

    private static JsonObject folder(String name, String description, List<JsonObject> items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        items.forEach(list::add);
        return Json.createObjectBuilder()
                .add("id", id("folder " + name))
                .add("name", name)
                .add("description", description)
                .add("item", list)
                .build();
    }

    private static JsonObject url(String path, List<JsonObject> variables, List<JsonObject> query) {
        String postmanPath = path.replaceAll("\\{([^}/]+)}", ":$1");
        JsonArrayBuilder segments = Json.createArrayBuilder();
        for (String segment : postmanPath.substring(1).split("/")) {
            segments.add(segment);
        }
        JsonObjectBuilder url = Json.createObjectBuilder()
                .add("raw", "{{baseUrl}}" + postmanPath)
                .add("host", Json.createArrayBuilder().add("{{baseUrl}}"))
                .add("path", segments);
        if (!query.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            query.forEach(list::add);
            url.add("query", list);
        }
        if (!variables.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            variables.forEach(list::add);
            url.add("variable", list);
        }
        return url.build();
    }

    private static JsonObject rawJson(JsonValue example) {
        return Json.createObjectBuilder()
                .add("mode", "raw")
                .add("raw", print(example))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("raw", Json.createObjectBuilder().add("language", "json")))
                .build();
    }

    private static JsonObject entry(String key, String value, String description, boolean disabled) {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("key", key).add("value", value);
        if (description != null) {
            entry.add("description", description);
        }
        if (disabled) {
            entry.add("disabled", true);
        }
        return entry.build();
    }

    private static JsonObject header(String key, String value, String description, boolean disabled) {
        return Json.createObjectBuilder(entry(key, value, description, disabled))
                .add("type", "text")
                .build();
    }

    private static JsonObject variable(String key, String value) {
        return Json.createObjectBuilder()
                .add("key", key)
                .add("value", value)
                .add("type", "string")
                .build();
    }

    private static JsonObject bearer() {
        return Json.createObjectBuilder()
                .add("type", "bearer")
                .add(
                        "bearer",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("key", "token")
                                        .add("value", "{{access_token}}")
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
                out.append(inner).append(Json.createValue(member.getKey())).append(": ");
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

        boolean is(String verb, String template) {
            return method.equals(verb) && path.equals(template);
        }
    }
}
