package io.factoryops.platform.http;

import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.Problems;
import io.factoryops.platform.json.JsonConfig;
import io.factoryops.platform.request.RequestIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The error page of the web module (see web.xml): errors outside the JAX-RS application (an unknown
 * path outside {@code /api}, an uncaught servlet failure) answer problem+json, never the server's
 * HTML page.
 */
@WebServlet(name = "errorPage", urlPatterns = "/_error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        ErrorCode errorCode = ErrorCode.forStatus(status);
        String detail = status == 404
                ? "No resource at this path"
                : status >= 500
                        ? "An unexpected error occurred; quote the request id when reporting it"
                        : errorCode.title();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var problem = Problems.of(
                errorCode,
                detail,
                List.of(),
                uri == null ? request.getRequestURI() : uri.toString(),
                response.getHeader(RequestIdFilter.HEADER));
        response.getWriter().write(JsonConfig.jsonb().toJson(problem));
    }
}
