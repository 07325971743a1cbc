package io.factoryops.platform.paging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a list sorts by, declared once: each as the API names it, with the entity attribute it sorts
 * (by default the field in camelCase, {@code created_at} → {@code createdAt}; {@code "quantity=stock.quantity"}
 * names another). What a client may sort by is the map's keys, so that it and what the query orders by
 * cannot drift apart.
 */
public final class SortFields {

    private SortFields() {}

    /** The API's sort fields (in this order) and the attributes they sort. */
    public static Map<String, String> attributes(String... fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                attributes.put(field, camelCase(field));
            } else {
                attributes.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return Collections.unmodifiableMap(attributes);
    }

    private static String camelCase(String field) {
        StringBuilder attribute = new StringBuilder();
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                attribute.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return attribute.toString();
    }
}
