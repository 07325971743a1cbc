package io.factoryops.platform.error;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises a request body that JSON-B could not read, and says which field without internals. */
final class JsonErrors {

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    record Detail(String detail, List<FieldError> errors) {
    }

    private JsonErrors() {
    }

    static Detail find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParsingException) {
                return new Detail("The request body is not well-formed JSON", List.of());
            }
            if (t instanceof JsonbException) {
                Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    String field = SnakeCase.of(m.group(1));
                    return new Detail("The request body has a field of the wrong type or format: " + field,
                            List.of(new FieldError(field, "wrong type or format")));
                }
                return new Detail("The request body is not valid JSON for this resource", List.of());
            }
        }
        return null;
    }
}
