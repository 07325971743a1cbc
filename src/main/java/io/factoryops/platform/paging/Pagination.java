package io.factoryops.platform.paging;

/** The {@code pagination} member of a list response. */
public record Pagination(int page, int perPage, long total, int pages, boolean hasNext, boolean hasPrev) {

    public static Pagination of(PageRequest request, long total) {
        int pages = (int) ((total + request.perPage() - 1) / request.perPage());
        return new Pagination(request.page(), request.perPage(), total, pages,
                request.page() < pages, request.page() > 1);
    }
}
