package io.factoryops.platform.http;

import io.factoryops.platform.request.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Liberty's web security answers two paths in every web module: {@code /ibm_security_logout} (an
 * HTML "logout successful" page) and {@code /j_security_check} (form login). The application signs
 * in only with bearer tokens, so both are unknown paths here: 404 problem+json like any other.
 */
@WebFilter(
        filterName = "containerLoginPaths",
        urlPatterns = {"/ibm_security_logout", "/j_security_check"})
public class ContainerLoginPathsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // filters mapped to the same path run in no guaranteed order: the problem needs its id now
        RequestIdFilter.assign(request, response);
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
