package io.factoryops.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** Answers a list: the page as the body and an RFC 8288 {@code Link} header (first, prev, next, last). */
public final class Paging {

    private Paging() {
    }

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
        if (p.hasPrev()) {
            links.add(link(uriInfo, Math.min(p.page() - 1, last), p.perPage(), "prev"));
        }
        if (p.hasNext()) {
            links.add(link(uriInfo, p.page() + 1, p.perPage(), "next"));
        }
        links.add(link(uriInfo, last, p.perPage(), "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uriInfo, int page, int perPage, String rel) {
        UriBuilder builder = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("per_page", perPage);
        return "<" + builder.build() + ">; rel=\"" + rel + "\"";
    }
}
