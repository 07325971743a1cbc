package io.factoryops.platform.paging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The web of links: a list that has an export ({@link ExportedAs}) links it from every page it answers,
 * {@code Link: …, <…/api/export/orders?status=placed&sort=-total>; rel="export"}: the same filters,
 * {@code q} and sort, without the paging parameters (an export takes every row). The one place that
 * builds the link; the page's own links are {@link Paging}'s.
 */
@Provider
public class ExportLinkFilter implements ContainerResponseFilter {

    private static final Set<String> PAGING = Set.of("page", "per_page", "after");

    @Context
    ResourceInfo resourceInfo;

    @Context
    UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resourceInfo.getResourceMethod();
        ExportedAs export = method == null ? null : method.getAnnotation(ExportedAs.class);
        if (export == null || response.getStatus() != 200) {
            return;
        }
        String link = "<" + exportUri(export, uriInfo) + ">; rel=\"export\"";
        Object pages = response.getHeaders().getFirst("Link");
        response.getHeaders().putSingle("Link", pages == null ? link : pages + ", " + link);
    }

    /** The export's URI, its query written out here (a UriBuilder would read "{" in a value as a template). */
    static String exportUri(ExportedAs export, UriInfo uriInfo) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (!export.idAs().isEmpty()) {
            query.add(encode(export.idAs()) + "="
                    + encode(uriInfo.getPathParameters().getFirst("id")));
        }
        for (Map.Entry<String, List<String>> parameter :
                uriInfo.getQueryParameters().entrySet()) {
            if (!PAGING.contains(parameter.getKey())) {
                parameter.getValue().forEach(v -> query.add(encode(parameter.getKey()) + "=" + encode(v)));
            }
        }
        return uriInfo.getBaseUriBuilder().path("export").path(export.value()).build() + query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
