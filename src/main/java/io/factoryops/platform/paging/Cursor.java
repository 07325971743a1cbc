package io.factoryops.platform.paging;

import io.factoryops.platform.Dates;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code after=} of keyset paging: the sort it was made for and the sort keys of the last
 * row of its page (the id last), as base64url JSON. Only its form is checked here; {@link JpaPaging}
 * reads each key as the type of its attribute, within the API's ranges, so a tampered cursor is a 400
 * {@code INVALID_PARAMETER}, never a 500 nor an expensive value. It grants nothing: the list's own
 * filters (who sees what) apply to every page.
 */
record Cursor(String sort, List<String> keys) {

    static final String PARAMETER = "after";
    private static final int MAX_LENGTH = 1024;
    private static final int MAX_KEYS = 8;
    private static final int MAX_KEY_LENGTH = 255;

    String encode() {
        JsonArrayBuilder k = Json.createArrayBuilder();
        keys.forEach(k::add);
        String json =
                Json.createObjectBuilder().add("s", sort).add("k", k).build().toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            if (text.length() > MAX_LENGTH) {
                throw invalid();
            }
            String json = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
            JsonObject o;
            try (var reader = Json.createReader(new StringReader(json))) {
                o = reader.readObject();
            }
            JsonArray k = o.getJsonArray("k");
            if (k == null || k.isEmpty() || k.size() > MAX_KEYS) {
                throw invalid();
            }
            List<String> keys = new ArrayList<>();
            for (JsonValue v : k) {
                if (!(v instanceof JsonString s) || s.getString().length() > MAX_KEY_LENGTH) {
                    throw invalid();
                }
                keys.add(s.getString());
            }
            return new Cursor(o.getString("s"), List.copyOf(keys));
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // not base64, not JSON, not the shape above: all the same to the client
            throw invalid();
        }
    }

    static ApiException invalid() {
        return ApiException.invalidParameter(
                PARAMETER, "is not a cursor of this list; use pagination.next_cursor of the previous page as it is");
    }

    /** One key of a cursor as a value of its attribute's type, within the API's ranges; null when it is not one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparable<?> value(Class<?> type, String text) {
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == String.class) {
                return text;
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
            }
            if (type == BigDecimal.class) {
                return Decimals.parse(text);
            }
            if (type == Instant.class) {
                Instant instant = Instant.parse(text);
                return Dates.inRange(LocalDate.ofInstant(instant, ZoneOffset.UTC)) ? instant : null;
            }
            if (type == LocalDate.class) {
                LocalDate date = LocalDate.parse(text);
                return Dates.inRange(date) ? date : null;
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, text);
            }
        } catch (RuntimeException e) {
            return null; // not a value of that type
        }
        return null;
    }
}
