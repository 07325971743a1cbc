package io.factoryops.platform.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. The id is echoed in the response header, written in the access log, carried by every
 * problem body and prefixed to the application's log lines for that request.
 */
@WebFilter(filterName = "requestId", urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final long serialVersionUID = 1L;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = assign(request, response);
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
        CurrentRequest.set(new CurrentRequest(id, request.getRemoteAddr(), userAgent, request.getRequestURI()));
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentRequest.clear();
        }
    }

    /** The request's id, set on the response unless it already is (whichever filter comes first). */
    public static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = response.getHeader(HEADER);
        if (id != null) {
            return id;
        }
        id = request.getHeader(HEADER);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        response.setHeader(HEADER, id);
        return id;
    }
}
