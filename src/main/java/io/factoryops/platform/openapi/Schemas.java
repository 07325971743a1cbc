package io.factoryops.platform.openapi;

import io.factoryops.platform.error.SnakeCase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The schema work of {@link OpenApiContract}: finding, walking and reshaping schemas, and small builders. */
final class Schemas {

    static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> READ_ONLY = Set.of("id", "version", "created_at", "updated_at");

    private Schemas() {}

    /** The component a {@code $ref} schema points at, or null. */
    static Schema component(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS)) {
            return null;
        }
        return openAPI.getComponents().getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
    }

    /** An answer's JSON schema, or null. */
    static Schema jsonSchema(APIResponse response) {
        if (response == null || response.getContent() == null) {
            return null;
        }
        MediaType media = response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        return media == null ? null : media.getSchema();
    }

    /** An answer that is one object with a version: it has an ETag, and a URL of its own. */
    static boolean versioned(OpenAPI openAPI, APIResponse response) {
        Schema target = component(openAPI, jsonSchema(response));
        return target != null
                && target.getProperties() != null
                && target.getProperties().containsKey("version");
    }

    /** Renames the properties of a schema and of the schemas inside it to snake_case. */
    static void snakeCase(Schema schema) {
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
    static void fractionDigits(Schema schema) {
        walk(schema, s -> {
            java.math.BigDecimal step = s.getMultipleOf();
            if (step == null || step.stripTrailingZeros().scale() <= 0) {
                return;
            }
            int digits = step.stripTrailingZeros().scale();
            s.setMultipleOf(null);
            s.addExtension(OpenApiContract.FRACTION_DIGITS, digits);
            String precision = "At most " + digits + " decimal places.";
            String said = s.getDescription() == null ? "" : s.getDescription().strip();
            s.setDescription(said.isEmpty() ? precision : said + (said.endsWith(".") ? " " : ". ") + precision);
        });
    }

    /** A schema only answers use: present unless nullable; the server's bookkeeping is read-only. */
    static void answerSchema(Schema schema) {
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
    static Set<String> reachable(Map<String, Schema> schemas, OpenAPI openAPI, boolean requests) {
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

    static void mediaSchemas(Content content, Deque<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream()
                    .map(MediaType::getSchema)
                    .filter(java.util.Objects::nonNull)
                    .forEach(into::push);
        }
    }

    /** Visits a schema and every schema nested in it (not following references). */
    static void walk(Schema schema, Consumer<Schema> visit) {
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

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
    }

    static Header stringHeader(String description, boolean required) {
        return OASFactory.createHeader()
                .description(description)
                .required(required)
                .schema(string());
    }

    static Parameter header(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(description)
                .schema(string());
    }

    static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.QUERY)
                .required(false)
                .description(description)
                .schema(schema);
    }
}
