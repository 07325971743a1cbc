package io.factoryops.platform.paging;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code ?page=&per_page=&sort=&q=} of a list endpoint. {@code page} starts at 1,
 * {@code per_page} is 1..100, {@code sort} is a comma-separated list of fields, "-" for descending.
 * Anything else is 400 {@code INVALID_PARAMETER} naming the parameter.
 */
public record PageRequest(int page, int perPage, List<Sort> sort, String q) {

    public static final int MAX_PER_PAGE = 100;

    /** One sort key: the API field name and its direction. */
    public record Sort(String field, boolean ascending) {
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    /**
     * @param sortable    the API field names a client may sort by
     * @param defaultSort used when the client gives none, e.g. "name" or "-created_at"
     */
    public static PageRequest from(UriInfo uriInfo, int defaultPerPage, Set<String> sortable, String defaultSort) {
        return from(uriInfo.getQueryParameters(), defaultPerPage, sortable, defaultSort);
    }

    public static PageRequest from(MultivaluedMap<String, String> query, int defaultPerPage, Set<String> sortable,
                                   String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        int page = parseInt(query.getFirst("page"), 1, "page", 1, Integer.MAX_VALUE / MAX_PER_PAGE, errors);
        int perPage = parseInt(query.getFirst("per_page"), defaultPerPage, "per_page", 1, MAX_PER_PAGE, errors);
        String sortParam = query.getFirst("sort");
        List<Sort> sort = parseSort(sortParam == null || sortParam.isBlank() ? defaultSort : sortParam, sortable, errors);
        String q = query.getFirst("q");
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " query parameters are invalid";
            throw new ApiException(ErrorCode.INVALID_PARAMETER, detail, errors, Map.of());
        }
        return new PageRequest(page, perPage, sort, q == null || q.isBlank() ? null : q.trim());
    }

    private static int parseInt(String value, int fallback, String name, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer between " + min + " and " + max));
        return fallback;
    }

    private static List<Sort> parseSort(String value, Set<String> sortable, List<FieldError> errors) {
        List<Sort> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            boolean ascending = !p.startsWith("-");
            String field = ascending ? (p.startsWith("+") ? p.substring(1) : p) : p.substring(1);
            if (!sortable.contains(field)) {
                errors.add(new FieldError("sort", "unknown sort field '" + field + "'; allowed: "
                        + String.join(", ", sortable.stream().sorted().toList())));
                return List.of();
            }
            result.add(new Sort(field, ascending));
        }
        return result;
    }
}
