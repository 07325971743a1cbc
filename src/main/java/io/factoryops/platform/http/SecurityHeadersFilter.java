package io.factoryops.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the application; API responses are never stored by
 * shared caches ({@code Cache-Control: private, no-cache}: clients revalidate with the ETag).
 * <p>
 * One Content-Security-Policy for everything the application serves, the web console's page and assets
 * included: scripts, styles, data and forms only from this origin, no inline script or style, images from
 * here or {@code data:}, never framed, no {@code <base>}. On JSON it costs nothing and stops a response
 * opened as a document from running anything. (Liberty adds {@code frame-ancestors 'none'} itself to what it
 * serves outside the application: /health, /metrics, /openapi.)
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (request.getRequestURI().startsWith("/api/")) {
            response.setHeader("Cache-Control", "private, no-cache");
        }
        chain.doFilter(request, response);
    }
}
