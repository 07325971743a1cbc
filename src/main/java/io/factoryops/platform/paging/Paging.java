package io.factoryops.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a list: the page as the body and an RFC 8288 {@code Link} header: first, prev, next, last
 * as far as page numbers reach ({@link PageRequest#MAX_OFFSET_ROWS}); on a list paged by keyset, next
 * is {@code after=<next_cursor>}, and a page after a cursor links first and next only.
 */
public final class Paging {

    private Paging() {}

    public static Response ok(Page<?> page, UriInfo uriInfo) {
        return withLinks(Response.ok(page), page.pagination(), uriInfo);
    }

    /** For list bodies of another shape (e.g. {@code {"performance":[…],"pagination":{…}}}). */
    public static Response withLinks(Response.ResponseBuilder response, Pagination pagination, UriInfo uriInfo) {
        return response.header("Link", linkHeader(pagination, uriInfo)).build();
    }

    static String linkHeader(Pagination p, UriInfo uriInfo) {
        int last = Math.max(p.pages(), 1);
        List<String> links = new ArrayList<>();
        links.add(link(uriInfo, 1, p.perPage(), "first"));
        if (p.page() != null && p.hasPrev()) {
            links.add(link(uriInfo, Math.min(p.page() - 1, last), p.perPage(), "prev"));
        }
        if (p.hasNext() && p.nextCursor() != null) {
            links.add("<"
                    + uriInfo.getRequestUriBuilder()
                            .replaceQueryParam("page")
                            .replaceQueryParam("per_page", p.perPage())
                            .replaceQueryParam("after", p.nextCursor())
                            .build()
                    + ">; rel=\"next\"");
        } else if (p.hasNext() && p.page() != null && reachable(p.page() + 1, p.perPage())) {
            links.add(link(uriInfo, p.page() + 1, p.perPage(), "next"));
        }
        if (p.page() != null && reachable(last, p.perPage())) {
            links.add(link(uriInfo, last, p.perPage(), "last"));
        }
        return String.join(", ", links);
    }

    private static boolean reachable(int page, int perPage) {
        return (long) page * perPage <= PageRequest.MAX_OFFSET_ROWS;
    }

    private static String link(UriInfo uriInfo, int page, int perPage, String rel) {
        UriBuilder builder = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("after")
                .replaceQueryParam("page", page)
                .replaceQueryParam("per_page", perPage);
        return "<" + builder.build() + ">; rel=\"" + rel + "\"";
    }
}
