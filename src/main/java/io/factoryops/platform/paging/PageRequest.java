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
import java.util.stream.Collectors;

/**
 * A parsed {@code ?page=&per_page=&sort=&q=&after=} of a list endpoint. {@code page} starts at 1,
 * {@code per_page} is 1..100, {@code sort} is a comma-separated list of fields, "-" for descending.
 * OFFSET paging reaches at most {@link #MAX_OFFSET_ROWS} rows deep ({@code page × per_page}): each
 * page costs a scan of the rows before it. The big lists also page by keyset ({@link #keyset}):
 * {@code after=<pagination.next_cursor>} continues after the last row of the previous page at the
 * cost of page 1, however deep. Anything else is 400 {@code INVALID_PARAMETER} naming the parameter.
 *
 * @param seekable the sort fields that keyset paging may use (not null in any row); empty for lists
 *                 that page by page number only
 * @param after    the cursor to continue after, or null for a page by number
 */
public record PageRequest(int page, int perPage, List<Sort> sort, String q, Set<String> seekable, Cursor after) {

    public static final int MAX_PER_PAGE = 100;
    /** The deepest row that OFFSET paging reaches: page × per_page. */
    public static final int MAX_OFFSET_ROWS = 10_000;

    /** One sort key: the API field name and its direction. */
    public record Sort(String field, boolean ascending) {

        @Override
        public String toString() {
            return ascending ? field : "-" + field;
        }
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    /** Whether this request continues after a cursor (keyset paging) rather than at a page number. */
    public boolean continuesAfterCursor() {
        return after != null;
    }

    /** Whether its pages carry a {@code next_cursor}: the list pages by keyset and its sort allows it. */
    public boolean seeks() {
        return !seekable.isEmpty() && sort.stream().allMatch(s -> seekable.contains(s.field()));
    }

    /** The sort as the client writes it, e.g. {@code -order_date,id}. */
    public String sortSpec() {
        return sort.stream().map(Sort::toString).collect(Collectors.joining(","));
    }

    /**
     * A list that pages by page number only.
     *
     * @param sortable    the API field names a client may sort by
     * @param defaultSort used when the client gives none, e.g. "name" or "-created_at"
     */
    public static PageRequest from(UriInfo uriInfo, int defaultPerPage, Set<String> sortable, String defaultSort) {
        return from(uriInfo.getQueryParameters(), defaultPerPage, sortable, defaultSort, Set.of());
    }

    /**
     * A big list: pages by page number up to {@link #MAX_OFFSET_ROWS} rows deep, and by
     * {@code after=<cursor>} at any depth when it is sorted by {@code seekable} fields only.
     */
    public static PageRequest keyset(
            UriInfo uriInfo, int defaultPerPage, Set<String> sortable, String defaultSort, Set<String> seekable) {
        return from(uriInfo.getQueryParameters(), defaultPerPage, sortable, defaultSort, seekable);
    }

    public static PageRequest from(
            MultivaluedMap<String, String> query, int defaultPerPage, Set<String> sortable, String defaultSort) {
        return from(query, defaultPerPage, sortable, defaultSort, Set.of());
    }

    public static PageRequest from(
            MultivaluedMap<String, String> query,
            int defaultPerPage,
            Set<String> sortable,
            String defaultSort,
            Set<String> seekable) {
        List<FieldError> errors = new ArrayList<>();
        String pageParam = query.getFirst("page");
        int page = parseInt(pageParam, 1, "page", 1, Integer.MAX_VALUE / MAX_PER_PAGE, errors);
        int perPage = parseInt(query.getFirst("per_page"), defaultPerPage, "per_page", 1, MAX_PER_PAGE, errors);
        String sortParam = query.getFirst("sort");
        Cursor after = null;
        String afterParam = query.getFirst(Cursor.PARAMETER);
        if (afterParam != null && !afterParam.isBlank()) {
            if (seekable.isEmpty()) {
                errors.add(new FieldError(Cursor.PARAMETER, "this list pages by page and per_page only"));
            } else if (pageParam != null && !pageParam.isBlank()) {
                errors.add(new FieldError("page", "give page or after, not both"));
            } else {
                after = Cursor.decode(afterParam);
                if (sortParam == null || sortParam.isBlank()) {
                    sortParam = after.sort();
                }
            }
        }
        List<Sort> sort =
                parseSort(sortParam == null || sortParam.isBlank() ? defaultSort : sortParam, sortable, errors);
        String q = query.getFirst("q");
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        PageRequest request = new PageRequest(
                page, perPage, sort, q == null || q.isBlank() ? null : q.trim(), Set.copyOf(seekable), after);
        if (errors.isEmpty() && after != null && !request.sortSpec().equals(after.sort())) {
            errors.add(new FieldError(
                    Cursor.PARAMETER,
                    "was made for sort=" + after.sort() + "; repeat that sort, or start again without after"));
        } else if (errors.isEmpty() && after != null && !request.seeks()) {
            throw Cursor.invalid();
        }
        if (errors.isEmpty() && after == null && (long) page * perPage > MAX_OFFSET_ROWS) {
            errors.add(new FieldError(
                    "page",
                    "page × per_page may be at most " + MAX_OFFSET_ROWS + "; "
                            + (request.seeks()
                                    ? "go deeper with after=<pagination.next_cursor> of the previous page"
                                    : "narrow the list with filters, or sort it the other way")));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " query parameters are invalid";
            throw new ApiException(ErrorCode.INVALID_PARAMETER, detail, errors, Map.of());
        }
        return request;
    }

    /**
     * The {@code sort} and {@code q} of a list for its export, which takes every row the filters select:
     * no page, no cursor. Errors as for the list.
     */
    public static PageRequest forExport(
            MultivaluedMap<String, String> query, Set<String> sortable, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        String sortParam = query.getFirst("sort");
        List<Sort> sort =
                parseSort(sortParam == null || sortParam.isBlank() ? defaultSort : sortParam, sortable, errors);
        String q = query.getFirst("q");
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER,
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors,
                    Map.of());
        }
        return new PageRequest(1, MAX_PER_PAGE, sort, q == null || q.isBlank() ? null : q.trim(), Set.of(), null);
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
                errors.add(new FieldError(
                        "sort",
                        "unknown sort field '" + field + "'; allowed: "
                                + String.join(", ", sortable.stream().sorted().toList())));
                return List.of();
            }
            result.add(new Sort(field, ascending));
        }
        return result;
    }
}
