package io.factoryops.platform.error;

import io.factoryops.platform.json.OutOfRangeException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a request body that could not be read, and says which field without internals: a body
 * over its size limit (413), a value out of range (400 {@code VALIDATION_FAILED}), anything else
 * JSON-B could not read (400 {@code MALFORMED_JSON}).
 */
final class JsonErrors {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    private JsonErrors() {}

    /** The problem for a failure to read the body, or null when the failure is something else. */
    static ApiException find(Throwable error) {
        BodyTooLargeException tooLarge = cause(error, BodyTooLargeException.class);
        if (tooLarge != null) {
            return BodyTooLargeException.problem(tooLarge.limit());
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParsingException) {
                return new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not well-formed JSON");
            }
            if (t instanceof JsonbException) {
                String field = field(t);
                OutOfRangeException range = cause(t, OutOfRangeException.class);
                if (range != null && field != null) {
                    return ApiException.invalidField(field, range.getMessage());
                }
                if (field != null) {
                    return new ApiException(
                            ErrorCode.MALFORMED_JSON,
                            "The request body has a field of the wrong type or format: " + field,
                            List.of(new FieldError(field, "wrong type or format")),
                            Map.of());
                }
                return new ApiException(
                        ErrorCode.MALFORMED_JSON, "The request body is not valid JSON for this resource");
            }
        }
        return null;
    }

    /** The property that JSON-B names in its message, or in the message of a cause. */
    private static String field(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return SnakeCase.of(m.group(1));
            }
        }
        return null;
    }

    /** The first throwable of this type in the chain of causes, or null. */
    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
