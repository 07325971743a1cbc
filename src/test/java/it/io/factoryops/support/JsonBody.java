package it.io.factoryops.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Request bodies built, not typed: {@code object("name", name, "lines", array(object("product_id", id)))}. Values
 * are written as JSON by their Java type: text as a string, whole and decimal numbers as numbers (a
 * {@link BigDecimal} keeps its digits: {@code new BigDecimal("12.50")} is sent as {@code 12.50}), booleans,
 * {@code null} as null, collections and arrays as arrays, maps and {@link JsonValue}s as they are. Tests of
 * malformed JSON type their text instead: it cannot be built.
 */
public final class JsonBody {

    private JsonBody() {}

    /** An object of names and values: name, value, name, value, … */
    public static JsonObject object(Object... namesAndValues) {
        return with(JsonValue.EMPTY_JSON_OBJECT, namesAndValues);
    }

    /** An object of the pairs whose value is not null: a null value leaves its name out (absent, not null). */
    public static JsonObject sparse(Object... namesAndValues) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
            }
        }
        return object.build();
    }

    /** {@code base} with these names set (added, or replacing a value of the same name, in place). */
    public static JsonObject with(JsonObject base, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = Json.createObjectBuilder(base);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return object.build();
    }

    /** {@code base} without these names. */
    public static JsonObject without(JsonObject base, String... names) {
        JsonObjectBuilder object = Json.createObjectBuilder(base);
        for (String name : names) {
            object.remove(name);
        }
        return object.build();
    }

    /** An array of these values. */
    public static JsonArray array(Object... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object v : values) {
            array.add(value(v));
        }
        return array.build();
    }

    /** A Java value as JSON, by its type. */
    public static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof JsonValue json) {
            return json;
        }
        if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            return Json.createValue(v.toString());
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Json.createValue(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (v instanceof BigInteger i) {
            return Json.createValue(i);
        }
        if (v instanceof Double || v instanceof Float) {
            return Json.createValue(new BigDecimal(v.toString()));
        }
        if (v instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((name, value) -> object.add(String.valueOf(name), value(value)));
            return object.build();
        }
        if (v instanceof Collection<?> items) {
            return array(items.toArray());
        }
        if (v instanceof long[] longs) {
            return array(java.util.Arrays.stream(longs).boxed().toArray());
        }
        if (v instanceof int[] ints) {
            return array(java.util.Arrays.stream(ints).boxed().toArray());
        }
        if (v instanceof Object[] items) {
            return array(items);
        }
        throw new IllegalArgumentException("no JSON for a " + v.getClass().getName());
    }
}
