package it.io.factoryops.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns parameter values, which are strings on the wire, into the JSON their schema describes:
 * numbers, booleans and arrays of them are converted, everything else stays a string. A value that
 * does not convert stays a string too, so that the schema reports it.
 */
final class ParameterValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ParameterValues() {}

    /** The instance to validate: one value, or an array of all values when the schema is an array. */
    static JsonNode of(OpenApiDocument document, Located schema, List<String> values) {
        Located resolved = document.resolve(schema);
        if (types(resolved.node()).contains("array")) {
            ArrayNode array = JSON.arrayNode();
            Located items = document.resolve(resolved.child("items"));
            values.forEach(value -> array.add(typed(items.node(), value)));
            return array;
        }
        return typed(resolved.node(), values.get(0));
    }

    private static JsonNode typed(JsonNode schema, String value) {
        Set<String> types = types(schema);
        if (types.contains("string")) {
            return JSON.stringNode(value);
        }
        try {
            if (types.contains("integer")) {
                return JSON.numberNode(new BigInteger(value));
            }
            if (types.contains("number")) {
                return JSON.numberNode(new BigDecimal(value));
            }
        } catch (NumberFormatException notANumber) {
            return JSON.stringNode(value);
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return JSON.booleanNode(Boolean.parseBoolean(value));
        }
        return JSON.stringNode(value);
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isString()) {
            types.add(type.stringValue());
        }
        type.values().forEach(t -> types.add(t.asString("")));
        return types;
    }
}
