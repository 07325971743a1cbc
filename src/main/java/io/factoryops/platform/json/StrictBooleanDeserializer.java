package io.factoryops.platform.json;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/** Reads only {@code true} and {@code false} as booleans: "maybe" is a client error, not false. */
public class StrictBooleanDeserializer implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (value == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        if (value == JsonValue.NULL) {
            return null;
        }
        throw new JsonbException("expected true or false");
    }
}
