package io.factoryops.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code pagination} member of a list response. {@code next_cursor} continues a big list after
 * this page ({@code ?after=}); on such a page {@code page} is absent (its number is not known without
 * counting the rows before it, which is what keyset paging avoids).
 */
public record Pagination(
        @Schema(nullable = true, description = "The page number; absent on a page reached with after=")
        Integer page,

        int perPage,

        @Schema(
                description = "Rows the filter selects: writes made through the answering server count at once, "
                        + "writes through another server of a cluster within FACTORY_PAGING_TOTAL_CACHE_SECONDS (5 s)")
        long total,

        int pages,
        boolean hasNext,
        boolean hasPrev,

        @Schema(nullable = true, description = "Pass as after= for the next page (lists that take a cursor)")
        String nextCursor) {

    /** A page by number. */
    public static Pagination of(PageRequest request, long total) {
        return of(request, total, request.page() < pages(request, total));
    }

    /** A page by number whose next page is known to exist or not (read, not computed from the total). */
    public static Pagination of(PageRequest request, long total, boolean hasNext) {
        return new Pagination(
                request.page(), request.perPage(), total, pages(request, total), hasNext, request.page() > 1, null);
    }

    /** A page after a cursor. */
    public static Pagination afterCursor(PageRequest request, long total, boolean hasNext, String nextCursor) {
        return new Pagination(null, request.perPage(), total, pages(request, total), hasNext, true, nextCursor);
    }

    public Pagination withNextCursor(String cursor) {
        return new Pagination(page, perPage, total, pages, hasNext, hasPrev, cursor);
    }

    private static int pages(PageRequest request, long total) {
        return (int) ((total + request.perPage() - 1) / request.perPage());
    }
}
