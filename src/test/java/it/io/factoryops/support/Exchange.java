package it.io.factoryops.support;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request and its response as the contract check sees them: decoded path and query,
 * headers by case-insensitive name, bodies as text ({@code ""} when there is none; a request body sent
 * as a stream is null: not read, not checked).
 */
record Exchange(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody) {

    Exchange {
        requestHeaders = caseInsensitive(requestHeaders);
        responseHeaders = caseInsensitive(responseHeaders);
        responseBody = responseBody == null ? "" : responseBody;
    }

    String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** {@code type/subtype} of the request's Content-Type, lower case, or null. */
    String requestMediaType() {
        return MediaTypes.essence(requestHeader("Content-Type"));
    }

    /** {@code type/subtype} of the response's Content-Type, lower case, or null. */
    String responseMediaType() {
        return MediaTypes.essence(responseHeader("Content-Type"));
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            map.putAll(headers);
        }
        return Collections.unmodifiableMap(map);
    }
}
