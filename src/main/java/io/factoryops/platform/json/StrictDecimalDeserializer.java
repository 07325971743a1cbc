package io.factoryops.platform.json;

import io.factoryops.platform.Decimals;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Reads JSON numbers only, and only those that fit the widest decimal of the API (see
 * {@link Decimals}): {@code 1e600000000} is refused here, by its precision and scale alone, before
 * Bean Validation, arithmetic or a JDBC driver could spend a core on its 600 million digits. The
 * field's own range is Bean Validation's ({@code @Digits}, {@code @DecimalMin}) on the record.
 */
public class StrictDecimalDeserializer implements JsonbDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("expected a number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (!Decimals.fits(decimal, Decimals.MAX_INTEGER_DIGITS, Decimals.MAX_FRACTION_DIGITS)) {
            throw new OutOfRangeException("must have at most " + Decimals.MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + Decimals.MAX_FRACTION_DIGITS + " after it");
        }
        return decimal;
    }
}
