package io.factoryops.platform.json;

import io.factoryops.platform.Dates;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.time.LocalDate;

/** Reads dates as {@code "YYYY-MM-DD"} within {@link Dates}' range: {@code "+999999999-12-31"} is a client error. */
public class StrictDateDeserializer implements JsonbDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        LocalDate date = Dates.parse(value instanceof JsonString s ? s.getString() : null);
        if (date == null) {
            throw new JsonbException("expected a date YYYY-MM-DD");
        }
        if (!Dates.inRange(date)) {
            throw new OutOfRangeException("must be a date between " + Dates.EARLIEST + " and " + Dates.LATEST);
        }
        return date;
    }
}
