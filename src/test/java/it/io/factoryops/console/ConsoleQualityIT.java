package it.io.factoryops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

/**
 * What a person does not see but notices: the Content-Security-Policy (and that the console breaks none of
 * it), the weight of the first load with gzip, accessibility (axe-core: no serious or critical violation
 * on any screen), and how the console is served next to the API (deep links, problem+json elsewhere).
 */
class ConsoleQualityIT extends BrowserTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theConsoleIsServedAtTheRootAndAtDeepLinksWithTheStrictPolicy() throws Exception {
        for (String path : List.of("/", "/app/orders/42", "/app/dashboard", "/css/console.css", "/js/main.js")) {
            HttpResponse<byte[]> r = fetch(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        }
        String page = new String(fetch("/app/orders/42").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<script type=\"module\" src=\"/js/main.js\"></script>"));
        assertFalse(
                Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "no inline script");
        assertFalse(page.contains("<style") || page.contains(" style="), "no inline style");
        assertEquals(
                "text/javascript",
                fetch("/js/main.js")
                        .headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .split(";")[0]);
        // the rest keeps answering problem+json
        for (String path : List.of("/api/app/orders/42", "/app.html", "/apps")) {
            HttpResponse<byte[]> r = fetch(path);
            assertEquals(404, r.statusCode(), path);
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    path);
        }
        // the console's addresses are read-only: anything but GET is a problem too
        HttpResponse<byte[]> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(Api.BASE + "/app/orders"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
        assertEquals(
                "application/problem+json",
                post.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    /**
     * Every screen at a tablet's width (768 px): no policy violation, no script error, nothing wider than the
     * window, and no serious or critical axe-core violation.
     */
    @Test
    void noScreenBreaksThePolicyOrLogsAnErrorAndEachFitsATablet() throws Exception {
        // long names nested deep: a list of category paths (the reports' filters) as wide as its longest
        // option would be wider than a tablet
        Long parent = null;
        for (int depth = 0; depth < 5; depth++) {
            parent = Fixtures.category("Long category name for tablets, level " + depth, parent);
        }
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.consoleLog();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        for (String[] screen : new String[][] {
            {"/app/dashboard", "Dashboard"},
            {"/app/orders", "Orders"},
            {"/app/orders/new", "Place an order"},
            {"/app/products", "Products"},
            {"/app/parts", "Parts"},
            {"/app/purchase-orders", "Purchase orders"},
            {"/app/purchase-orders/new", "New purchase order"},
            {"/app/service-tickets", "Service tickets"},
            {"/app/notifications", "Notifications"},
            {"/app/users", "Users"},
            {"/app/api-clients", "API clients"},
            {"/app/webhooks", "Webhooks"},
            {"/app/account", "Account"},
            {"/app/master-data", "Master data"},
            {"/app/products/new", "New product"},
            {"/app/parts/new", "New part"},
            {"/app/suppliers", "Suppliers"},
            {"/app/suppliers/new", "New supplier"},
            {"/app/customers", "Customers"},
            {"/app/employees", "Employees"},
            {"/app/employees/new", "New employee"},
            {"/app/mechanics", "Mechanics"},
            {"/app/mechanics/new", "New mechanic"},
            {"/app/categories", "Part categories"},
            {"/app/locations", "Stock locations"},
            {"/app/production", "Production"},
            {"/app/production/new", "Record production"},
            {"/app/reports", "Reports"},
            {"/app/reports/inventory", "Inventory report"},
            {"/app/reports/purchase-orders", "Purchase-order report"},
            {"/app/reports/suppliers", "Supplier report"},
            {"/app/reports/analytics", "Sales and production report"},
            {"/app/reports/runs", "Stored monthly runs"},
            {"/app/exports", "Exports"},
            {"/app/audit-log", "Audit log"}
        }) {
            browser.open(screen[0]);
            browser.awaitHeading(screen[1]);
            browser.assertAccessible("screen" + screen[0].replace('/', '-'));
            Number overflow =
                    (Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, screen[0] + " is wider than a tablet by " + overflow + " px");
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        List<LogEntry> log = browser.consoleLog();
        assertTrue(
                log.stream()
                        .noneMatch(e -> e.getMessage().contains("Content Security Policy")
                                || e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()),
                () -> log.toString());
    }

    @Test
    void theFirstLoadWeighsLessThan300KilobytesWithGzip() throws Exception {
        browser.signOutHere();
        // a first visit: nothing in the browser's cache
        browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.open("/");
        browser.await("form.login");
        // what the browser transferred for the page and everything it loaded (headers included)
        @SuppressWarnings("unchecked")
        Map<String, Object> weight = (Map<String, Object>) browser.script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const res = performance.getEntriesByType('resource');
                return { transferred: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
                         decoded: nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0),
                         files: res.length + 1,
                         millis: Math.round(nav.loadEventEnd - nav.startTime) };""");
        long transferred = ((Number) weight.get("transferred")).longValue();
        long decoded = ((Number) weight.get("decoded")).longValue();
        System.out.printf(
                "Console first load: %d files, %d bytes transferred (%d bytes unpacked), load event after %s ms%n",
                weight.get("files"), transferred, decoded, weight.get("millis"));
        assertTrue(
                transferred > decoded / 5 && transferred < 300 * 1024,
                "first load transferred " + transferred + " bytes");
        // the scripts travel gzipped when the browser asks for it
        HttpResponse<byte[]> js = fetch("/js/main.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", js.headers().firstValue("Content-Encoding").orElse(null));
        HttpResponse<byte[]> css = fetch("/css/console.css", "Accept-Encoding", "gzip");
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(null));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolation() throws Exception {
        Fixtures.product("4.00", 1, 5, "General");
        browser.signOutHere();
        browser.open("/");
        browser.await("form.login");
        StringBuilder report = new StringBuilder(browser.accessibility("sign-in"));
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        for (String[] screen : new String[][] {
            {"/app/dashboard", "Dashboard"},
            {"/app/orders/new", "Place an order"},
            {"/app/products", "Products"},
            {"/app/purchase-orders/new", "New purchase order"},
            {"/app/users", "Users"},
            {"/app/account", "Account"}
        }) {
            browser.open(screen[0]);
            browser.awaitHeading(screen[1]);
            report.append(browser.accessibility(screen[0]));
        }
        // a form showing problems is still accessible
        browser.open("/app/account");
        browser.awaitHeading("Account");
        browser.click("main form button[type=submit]");
        browser.await(".form-error");
        report.append(browser.accessibility("account with errors"));
        System.out.println("axe-core: " + report);
        assertFalse(report.toString().contains("SERIOUS") || report.toString().contains("CRITICAL"), report.toString());
    }
}
