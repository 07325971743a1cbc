package it.io.factoryops.support;

import java.util.Locale;

/** Media-type comparisons as OpenAPI content maps need them. */
final class MediaTypes {

    private MediaTypes() {}

    /** {@code type/subtype} without parameters, lower case; null for null or blank. */
    static String essence(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a documented media-type key covers an actual one: equal, or a wildcard type or subtype. */
    static boolean covers(String documented, String actual) {
        String[] range = essence(documented).split("/", 2);
        String[] type = actual.split("/", 2);
        return (range[0].equals("*") || range[0].equals(type[0]))
                && (range.length < 2 || range[1].equals("*") || (type.length == 2 && range[1].equals(type[1])));
    }

    /** JSON and every {@code +json} type (problem+json among them). */
    static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.endsWith("/json") || mediaType.endsWith("+json"));
    }
}
