package io.factoryops.platform.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * A list's query parameters as the client sent them, declared once: the {@code @BeanParam} that the list's
 * endpoint and its export ({@code /api/export/…}, {@link ExportedAs}) both take. A subclass declares the
 * list's filters as {@code @QueryParam} fields with their OpenAPI {@code @Parameter}s and parses them
 * ({@code filter()}: 400 naming a bad one), so that the list and its export document and check them alike,
 * and a list that searches declares {@code q} there too, for its description ({@link PageRequest} reads and
 * checks it). This class holds the list's paging, so that both sort alike: page size, sortable fields,
 * default sort and, for a big list, the sorts that page by keyset.
 */
public abstract class ListParameters {

    private final int perPage;
    private final Set<String> sortable;
    private final String defaultSort;
    private final Set<String> seekable;

    /** A list that pages by page number only. */
    protected ListParameters(int perPage, Set<String> sortable, String defaultSort) {
        this(perPage, sortable, defaultSort, Set.of());
    }

    /** A big list: also by {@code after=<cursor>} when sorted by {@code seekable} fields only. */
    protected ListParameters(int perPage, Set<String> sortable, String defaultSort, Set<String> seekable) {
        this.perPage = perPage;
        this.sortable = sortable;
        this.defaultSort = defaultSort;
        this.seekable = seekable;
    }

    /** The page of the list asked for ({@link PageRequest#from}). */
    public PageRequest page(UriInfo uriInfo) {
        return PageRequest.from(uriInfo.getQueryParameters(), perPage, sortable, defaultSort, seekable);
    }

    /** The sort and {@code q} of the list for its export, which takes every row ({@link PageRequest#forExport}). */
    public PageRequest export(UriInfo uriInfo) {
        return PageRequest.forExport(uriInfo.getQueryParameters(), sortable, defaultSort);
    }
}
