package io.factoryops.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers {@code /} and every deep link of the console ({@code /app/orders/42}) with the console's page, and
 * {@code /portal} and its deep links ({@code /portal/service-tickets/7}) with the customer portal's page, so
 * that a reload or a bookmark opens the same screen; the page's router reads the path. Only GET and
 * HEAD: the console is read-only here, the API does the rest. Unknown paths elsewhere (also under
 * {@code /api}) keep their problem+json 404.
 */
@WebServlet(
        name = "console",
        urlPatterns = {"", "/app/*", "/portal", "/portal/*"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PAGE = "/index.html";
    static final String PORTAL = "/portal.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // the page is tiny and names its assets without versions: always revalidate, so a deployment shows at once
        response.setHeader("Cache-Control", "no-cache");
        String page = request.getServletPath().startsWith("/portal") ? PORTAL : PAGE;
        request.getRequestDispatcher(page).forward(request, response);
    }
}
