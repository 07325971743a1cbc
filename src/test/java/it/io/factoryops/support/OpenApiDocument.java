package it.io.factoryops.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAPI 3.1 document as the contract check reads it: operations found by method and concrete
 * path, {@code $ref}s followed, and every schema compiled once by networknt's json-schema-validator
 * (OpenAPI 3.1 dialect, JSON Schema 2020-12, formats asserted) at its JSON pointer in the document,
 * so that {@code $ref: #/components/schemas/X} resolves against the document itself.
 */
final class OpenApiDocument {

    /** The document's base IRI for the schema registry; nothing is ever fetched from it. */
    private static final String IRI = "https://contract.factoryops.test/openapi.json";
    /** The same document with closed object schemas ({@link ClosedSchemas}), for responses. */
    private static final String CLOSED_IRI = "https://contract.factoryops.test/openapi-closed.json";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Located root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<PathTemplate> templates;

    private OpenApiDocument(String json) {
        this.root = new Located("", JsonMapper.shared().readTree(json));
        String exact = FractionDigits.exact(JsonMapper.shared().readTree(json)).toString();
        String closed = ClosedSchemas.close(JsonMapper.shared().readTree(exact)).toString();
        this.registry = SchemaRegistry.withDialect(
                Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(IRI, exact, CLOSED_IRI, closed))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
        this.templates = root.node().path("paths").propertyNames().stream()
                .map(PathTemplate::new)
                .sorted(Comparator.comparingInt(PathTemplate::literals).reversed())
                .toList();
    }

    static OpenApiDocument parse(String json) {
        return new OpenApiDocument(json);
    }

    /** The operation of this method on the most specific path template matching this concrete path. */
    Optional<Operation> operation(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        return templates.stream().filter(t -> t.matches(path)).findFirst().flatMap(t -> {
            Located item = resolve(root.child("paths").child(t.template()));
            Located operation = item.child(verb);
            return operation.exists() && METHODS.contains(verb)
                    ? Optional.of(new Operation(
                            method.toUpperCase(Locale.ROOT), t.template(), operation, parameters(item, operation)))
                    : Optional.empty();
        });
    }

    /** Follows {@code $ref: #/…} (chains too) inside the document. */
    Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.text("$ref") != null; hops++) {
            String ref = current.text("$ref");
            if (!ref.startsWith("#") || hops > 20) {
                throw new IllegalStateException("cannot follow $ref " + ref + " at " + current.pointer());
            }
            String pointer = ref.substring(1);
            current = new Located(pointer, root.node().at(pointer));
        }
        return current;
    }

    /**
     * Validates an instance against the schema at this pointer. A request is checked against the
     * document as it is, readOnly properties rejected; a response against the closed document, so
     * that a property the document does not describe is a mismatch too.
     */
    List<String> validate(String schemaPointer, JsonNode instance, boolean request) {
        String location = (request ? IRI : CLOSED_IRI) + "#" + schemaPointer;
        // a sub-schema of the document's one compiled root: the registry, asked for each pointer's location, parses
        // the whole document again for every pointer and keeps each copy (1 GB after two test classes)
        Schema schema = schemas.computeIfAbsent(
                location,
                l -> registry.getSchema(SchemaLocation.of(request ? IRI : CLOSED_IRI))
                        .getSubSchema(SchemaLocation.of(l).getFragment()));
        List<Error> errors = schema.validate(
                instance,
                context -> context.executionConfig(
                        config -> config.readOnly(request).writeOnly(!request)));
        return errors.stream().map(OpenApiDocument::message).toList();
    }

    private static String message(Error error) {
        String location = error.getInstanceLocation().toString();
        return location.isEmpty() ? error.getMessage() : location + ": " + error.getMessage();
    }

    /** Path-item parameters overridden by the operation's own (same name and location). */
    private List<Located> parameters(Located item, Located operation) {
        Map<String, Located> byKey = new LinkedHashMap<>();
        for (Located owner : List.of(item, operation)) {
            Located list = owner.child("parameters");
            for (int i = 0; i < list.node().size(); i++) {
                Located parameter = resolve(list.child(i));
                byKey.put(parameter.text("in") + ":" + parameter.text("name").toLowerCase(Locale.ROOT), parameter);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** One documented operation: where it is in the document, and its effective parameters. */
    record Operation(String method, String template, Located node, List<Located> parameters) {

        Located child(String name) {
            return node.child(name);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** {@code /api/orders/{id}}: literal segments must be equal, a {@code {name}} matches one non-empty segment. */
    record PathTemplate(String template, String[] segments) {

        PathTemplate(String template) {
            this(template, template.split("/", -1));
        }

        int literals() {
            int count = 0;
            for (String segment : segments) {
                count += isVariable(segment) ? 0 : 1;
            }
            return count;
        }

        boolean matches(String path) {
            String[] actual = path.split("/", -1);
            if (actual.length != segments.length) {
                return false;
            }
            for (int i = 0; i < actual.length; i++) {
                boolean ok = isVariable(segments[i]) ? !actual[i].isEmpty() : segments[i].equals(actual[i]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** The values of the template's variables in a path it matches. */
        static Map<String, String> values(String template, String path) {
            String[] names = template.split("/", -1);
            String[] actual = path.split("/", -1);
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(names.length, actual.length); i++) {
                if (isVariable(names[i])) {
                    values.put(names[i].substring(1, names[i].length() - 1), actual[i]);
                }
            }
            return values;
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
