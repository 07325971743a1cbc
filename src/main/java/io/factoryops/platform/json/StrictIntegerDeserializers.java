package io.factoryops.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Reads whole JSON numbers only: {@code 1.5} or {@code "12"} for an integer field is a client error,
 * not 1 or 12, and a number out of range is not silently wrapped.
 */
public final class StrictIntegerDeserializers {

    private StrictIntegerDeserializers() {}

    static JsonNumber integral(JsonParser parser) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number;
        }
        throw new JsonbException("expected a whole number");
    }

    /** The whole number read, as {@code exact} converts it, or null; a number beyond its range is refused. */
    private static <T> T exact(JsonParser parser, Function<JsonNumber, T> exact) {
        JsonNumber n = integral(parser);
        try {
            return n == null ? null : exact.apply(n);
        } catch (ArithmeticException e) {
            throw new JsonbException("number out of range");
        }
    }

    /** For {@code Integer} fields. */
    public static class Ints implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return exact(parser, JsonNumber::intValueExact);
        }
    }

    /** For {@code Long} fields. */
    public static class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return exact(parser, JsonNumber::longValueExact);
        }
    }
}
