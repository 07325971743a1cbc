package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real Chromium against the integration server: signing in and out, the dashboard's
 * figures and charts, placing an order (stock drops; a 409 is explained), what each role is offered, the XSS
 * probe, deep links that survive a reload. One browser for the class.
 */
class ConsoleIT extends BrowserTest {

    /** The screens a manager is offered, in order; an admin gets these and the account screens. */
    private static final List<String> STAFF_SCREENS = List.of(
            "Dashboard",
            "Orders",
            "Products",
            "Parts",
            "Purchase orders",
            "Service tickets",
            "Production",
            "Master data",
            "Reports",
            "Exports");

    @Test
    void signInWithUsernameOrEmailAndLogOut() throws Exception {
        String username = Api.createUser("user");
        browser.signOutHere();
        browser.open("/");
        browser.await("form.login");
        browser.assertAccessible("sign-in");
        // a wrong password: the problem's detail, and no session
        browser.type("input[name=username]", username);
        browser.type("input[name=password]", "Wrong-Passw0rd-42");
        browser.click("form.login button[type=submit]");
        assertTrue(
                browser.await(".form-error").getText().toLowerCase().contains("invalid"),
                browser.await(".form-error").getText());
        // by email
        browser.signIn(username + "@it.example", Api.PASSWORD);
        assertEquals("IT user", browser.await("[data-testid=who]").getText());
        assertEquals("/app/products", browser.driver.getCurrentUrl().substring(Api.BASE.length()));
        String refresh = (String) browser.script("return sessionStorage.getItem('factory-ops.refresh-token')");
        assertTrue(refresh != null && !refresh.isBlank(), "the refresh token is kept for a reload");
        // a reload keeps the session (the refresh token is traded for a new pair: rotation)
        browser.driver.navigate().refresh();
        browser.await("#logout");
        String rotated = (String) browser.script("return sessionStorage.getItem('factory-ops.refresh-token')");
        assertFalse(refresh.equals(rotated), "the refresh token rotates on reload");
        // the old one is used up: the API refuses it
        try (Response r = Api.anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"" + refresh + "\"}"))) {
            Api.assertProblem(r, 401, "REFRESH_TOKEN_REUSED");
        }
        // reusing it revoked the login: the page now asks to sign in again
        browser.driver.navigate().refresh();
        browser.await("form.login");

        browser.signIn(username, Api.PASSWORD);
        String token = (String) browser.script("return sessionStorage.getItem('factory-ops.refresh-token')");
        browser.click("#logout");
        browser.await("form.login");
        assertNull(browser.script("return sessionStorage.getItem('factory-ops.refresh-token')"));
        try (Response r = Api.anonymous("api/auth/refresh").post(json("{\"refresh_token\":\"" + token + "\"}"))) {
            assertEquals(401, r.getStatus(), "logout revoked the refresh token");
        }
        browser.driver.navigate().refresh();
        browser.await("form.login");
        assertFalse(browser.driver.getPageSource().contains(token), "no token in the page");
        assertFalse(browser.driver.getCurrentUrl().contains("token"), "no token in the URL");
    }

    @Test
    void dashboardShowsTheFiguresOfTheApiAndItsChartsRender() throws Exception {
        long product = Fixtures.product("12.50", 50);
        long customer = Fixtures.customer();
        String admin = Api.createUser("admin");
        String adminToken = Api.login(admin, Api.PASSWORD).getString("access_token");
        try (Response r = as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 4)))) {
            assertEquals(201, r.getStatus());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        try (Response r = as(Api.tokenFor("manager"), "api/production")
                .post(json("{\"employee_id\":" + Fixtures.employee() + ",\"product_id\":" + product
                        + ",\"quantity\":6,\"production_date\":\"" + today + "\"}"))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(adminToken, "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
        }
        browser.signIn(admin, Api.PASSWORD);
        browser.open("/app/dashboard");
        browser.awaitHeading("Dashboard");
        browser.await("svg.chart-svg");
        JsonObject summary;
        try (Response r = as(adminToken, "api/dashboard/summary").get()) {
            summary = body(r);
        }
        assertFigure("counts.products", summary.getJsonObject("counts").getInt("products"));
        assertFigure("counts.customers", summary.getJsonObject("counts").getInt("customers"));
        assertFigure("counts.orders", summary.getJsonObject("counts").getInt("orders"));
        assertFigure("open_orders", summary.getInt("open_orders"));
        assertFigure("today.orders", summary.getJsonObject("today").getInt("orders"));
        assertFigure("today.units_produced", summary.getJsonObject("today").getInt("units_produced"));
        assertTrue(summary.getJsonObject("today").getInt("units_produced") >= 6);
        assertFalse(browser.await("[data-figure=as_of]").getText().isBlank());

        List<WebElement> charts = browser.all("svg.chart-svg");
        assertEquals(2, charts.size(), "sales and production charts");
        List<WebElement> sales = charts.get(0).findElements(By.cssSelector("rect.bar"));
        List<WebElement> production = charts.get(1).findElements(By.cssSelector("rect.bar"));
        assertEquals(7, sales.size());
        assertEquals(7, production.size());
        BigDecimal revenueToday;
        try (Response r = as(
                        adminToken, "api/reports/analytics", "date_from", today, "date_to", today, "granularity", "day")
                .get()) {
            revenueToday = body(r).getJsonArray("totals")
                    .getJsonObject(0)
                    .getJsonNumber("revenue")
                    .bigDecimalValue();
        }
        assertEquals(
                0,
                revenueToday.compareTo(new BigDecimal(sales.get(6).getAttribute("data-value"))),
                "today's sales bar shows the day's revenue " + revenueToday);
        assertTrue(revenueToday.signum() > 0);
        assertTrue(Double.parseDouble(sales.get(6).getAttribute("height")) > 0, "the bar is drawn");
        assertEquals(
                summary.getJsonObject("today").getInt("units_produced"),
                Integer.parseInt(production.get(6).getAttribute("data-value")));
        // an admin may refresh the figures
        WebElement refresh = browser.await("#refresh-analytics");
        refresh.click();
        browser.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(refresh));
        browser.awaitHeading("Dashboard");
        browser.await("svg.chart-svg");
        browser.assertAccessible("dashboard");
    }

    private void assertFigure(String name, long expected) {
        String shown = browser.await("[data-figure='" + name + "']").getText().replace(",", "");
        assertEquals(String.valueOf(expected), shown, name);
    }

    @Test
    void placingAnOrderTakesTheStockAndAShortageIsExplained() throws Exception {
        long product = Fixtures.product("9.99", 10);
        String sku = Fixtures.productView(product).getString("sku");
        long customer = Fixtures.customer();
        String email;
        try (Response r = as(Api.tokenFor("user"), "api/customers/" + customer).get()) {
            email = body(r).getString("email");
        }
        browser.signIn(Api.createUser("user"), Api.PASSWORD);
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product " + sku);
        assertEquals("10", browser.await("[data-figure=stock_quantity]").getText());

        fillOrder(email, sku, "10 in stock", 3);
        browser.await(".lines table");
        browser.assertAccessible("place-order");
        browser.click("main form button[type=submit]");
        browser.awaitHeading("Order #");
        assertEquals("7", browser.await("[data-remaining='" + product + "']").getText());
        assertEquals(7, Fixtures.stockOf(product));
        browser.assertAccessible("order");
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product " + sku);
        assertEquals("7", browser.await("[data-figure=stock_quantity]").getText());
        assertTrue(browser.all("main table").get(0).getText().contains("-3"), "the order's movement is listed");

        // more than is left: 409 INSUFFICIENT_STOCK, explained with what was asked and what is there
        fillOrder(email, sku, "7 in stock", 8);
        browser.click("main form button[type=submit]");
        String error = browser.await(".form-error").getText();
        assertTrue(
                error.contains("Not enough stock")
                        && error.contains("requested 8, available 7")
                        && error.contains("Product " + sku),
                error);
        assertEquals("/app/orders/new", browser.driver.getCurrentUrl().substring(Api.BASE.length()));
        assertEquals(7, Fixtures.stockOf(product), "nothing was taken");
        browser.assertAccessible("order-409");

        // staff take orders but are not offered the stock adjustment (managers are: next test)
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product " + sku);
        assertTrue(browser.all("input[name=delta]").isEmpty(), "staff do not adjust stock");
    }

    /** The order form with the customer of this email and one line of the product with this SKU. */
    private void fillOrder(String email, String sku, String stockShown, int quantity) {
        browser.open("/app/orders/new");
        browser.awaitHeading("Place an order");
        browser.pick("customer_id", email, email);
        browser.pick("product_id", sku, stockShown);
        browser.type("input[name=quantity]", String.valueOf(quantity));
        browser.click("#add-line");
    }

    @Test
    void problemDetailsAreShownNextToTheFieldTheyName() throws Exception {
        long product = Fixtures.product("5.00", 3);
        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product ");
        browser.type("input[name=delta]", "2000000");
        browser.click("main form button[type=submit]");
        WebElement error = browser.await("input[name=delta] + .field-error");
        assertFalse(error.getText().isBlank());
        assertEquals("true", browser.await("input[name=delta]").getAttribute("aria-invalid"));
        assertTrue(browser.await("input[name=delta]")
                .getAttribute("aria-describedby")
                .contains(error.getAttribute("id")));
        browser.await("input[name=reason] + .field-error");
        // a valid adjustment goes through and shows in the history
        browser.type("input[name=delta]", "-2");
        browser.type("input[name=reason]", "Counted in the console test");
        browser.click("main form button[type=submit]");
        browser.wait.until(
                d -> browser.await("[data-figure=stock_quantity]").getText().equals("1"));
        assertEquals(1, Fixtures.stockOf(product));
        assertTrue(browser.await("main .table-wrap").getText().contains("Counted in the console test"));
    }

    @Test
    void aProductNamedLikeMarkupRendersAsText() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        String sku = "XSS-" + Api.RUN;
        try (Response r = as(Api.tokenFor("admin"), "api/products")
                .post(json("{\"sku\":\"" + sku + "\",\"name\":\"" + name
                        + "\",\"price\":1.00,\"stock_quantity\":1,\"category\":\"<b>bold</b>\"}"))) {
            assertEquals(201, r.getStatus());
        }
        browser.signIn(Api.createUser("user"), Api.PASSWORD);
        browser.open("/app/products?q=" + sku);
        browser.awaitHeading("Products");
        WebElement cell = browser.await("main tbody tr td:nth-child(2) a");
        assertEquals(name, cell.getText());
        assertTrue(browser.all("main img").isEmpty(), "no image element was made from the name");
        assertEquals(
                "<b>bold</b>", browser.await("main tbody tr td:nth-child(3)").getText());
        cell.click();
        browser.awaitHeading(name);
        assertTrue(browser.all("main img, main b").isEmpty());
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        browser.assertAccessible("xss-probe");
    }

    @Test
    void eachRoleIsOfferedOnlyTheScreensItMayUse() throws Exception {
        browser.signIn(Api.createUser("user"), Api.PASSWORD);
        assertEquals(List.of("Orders", "Products", "Parts", "Master data", "Exports"), navigation());
        browser.open("/app/users");
        browser.awaitHeading("Not available");
        browser.open("/app/dashboard");
        browser.awaitHeading("Not available");

        browser.signIn(Fixtures.mechanic().getString("username"), Api.PASSWORD);
        assertEquals(List.of("Products", "Parts", "Service tickets", "Master data", "Exports"), navigation());

        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        assertEquals(STAFF_SCREENS, navigation());
        browser.open("/app/dashboard");
        browser.awaitHeading("Dashboard");
        assertTrue(browser.all("#refresh-analytics").isEmpty(), "only admins refresh the figures");

        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        List<String> adminScreens = new java.util.ArrayList<>(STAFF_SCREENS);
        adminScreens.addAll(List.of("Users", "Roles", "API clients", "Webhooks", "Audit log"));
        assertEquals(adminScreens, navigation());
        browser.open("/app/users");
        browser.awaitHeading("Users");
        // an admin is offered the roles it may grant, not admin or super_admin
        List<String> roles = browser.all("form.card select[name=role] option").stream()
                .map(o -> o.getAttribute("value"))
                .toList();
        assertEquals(List.of("manager", "user", "mechanic", "customer"), roles);
        browser.assertAccessible("users");
    }

    private List<String> navigation() {
        browser.await("nav[aria-label=Main]");
        return browser.all("nav[aria-label=Main] a").stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aDeepLinkSurvivesAReload() throws Exception {
        long product = Fixtures.product("3.00", 5);
        long order;
        try (Response r = as(Api.tokenFor("admin"), "api/orders")
                .post(json(Fixtures.orderBody(Fixtures.customer(), product, 2)))) {
            order = body(r).getJsonNumber("id").longValue();
        }
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/orders/" + order);
        browser.awaitHeading("Order #" + order);
        browser.driver.navigate().refresh();
        browser.awaitHeading("Order #" + order);
        assertTrue(browser.await("main").getText().contains("Subtotal"));
        // the admin is offered the order's transitions; shipping moves it on
        browser.click("button[data-action=ship]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("shipped"));
        browser.assertAccessible("order-detail");
        // an unknown screen inside the console
        browser.open("/app/no-such-screen");
        browser.awaitHeading("Not found");
        // history navigation through the links, no reload
        browser.click("nav[aria-label=Main] a[href='/app/orders']");
        browser.awaitHeading("Orders");
        browser.assertPath("/app/orders");
        browser.assertAccessible("orders");
        browser.driver.navigate().back();
        browser.awaitHeading("Not found");
    }

    @Test
    void aManagerAssignsAMechanicAndFitsPartsOnAServiceTicket() throws Exception {
        long ticket = openTicket("Brakes squeal", "Volvo", "FH16");
        JsonObject mechanic = Fixtures.mechanic();
        long part = Fixtures.part(10);
        String sku = Fixtures.partSku(part);
        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/service-tickets/" + ticket);
        browser.awaitHeading("Service ticket #" + ticket);
        assertTrue(browser.await("main").getText().contains("No mechanic assigned yet."));
        browser.pick("mechanic_id", mechanic.getString("username"), mechanic.getString("username"));
        browser.click("form[aria-labelledby=assign-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main").getText().contains("Remove " + mechanic.getString("name")));
        browser.pick("item_id", sku, "10 pcs in stock");
        browser.type("form[aria-labelledby=fit-title] input[name=quantity]", "4");
        browser.click("form[aria-labelledby=fit-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main").getText().contains("Return Part " + sku));
        assertEquals(6, Fixtures.partQuantity(part));
        browser.click("button[data-action=start]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("in progress"));
        browser.assertAccessible("service-ticket");
    }

    @Test
    void aMechanicTakesATicketFromTheQueueFitsAPartRecordsLabourAndCompletesIt() throws Exception {
        long ticket = openTicket("Oil leak", "Scania", "R500");
        JsonObject mechanic = Fixtures.mechanic();
        JsonObject colleague = Fixtures.mechanic();
        long part = Fixtures.part(10);
        String sku = Fixtures.partSku(part);
        browser.signIn(mechanic.getString("username"), Api.PASSWORD);
        browser.open("/app/service-tickets/" + ticket);
        browser.awaitHeading("Service ticket #" + ticket);
        assertTrue(browser.await("main .notice").getText().contains("in the queue"));
        assertTrue(
                browser.all("form[aria-labelledby=fit-title], form[aria-labelledby=assign-title], "
                                + "button[data-action=start]")
                        .isEmpty(),
                "a ticket of the queue is read, not worked");
        browser.assertAccessible("service-ticket-queue");
        browser.click("button[data-action=take]");
        browser.await("form[aria-labelledby=labour-title]");
        assertTrue(browser.all("form[aria-labelledby=assign-title]").isEmpty(), "only managers assign mechanics");
        assertTrue(browser.await("main").getText().contains("Remove " + mechanic.getString("name")));
        browser.pick("item_id", sku, "10 pcs in stock");
        browser.type("form[aria-labelledby=fit-title] input[name=quantity]", "2");
        browser.click("form[aria-labelledby=fit-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main").getText().contains("Return Part " + sku));
        assertEquals(8, Fixtures.partQuantity(part));
        browser.type("form[aria-labelledby=labour-title] input[name=hours]", "1.5");
        browser.click("form[aria-labelledby=labour-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main dl.totals").getText().contains("(1.5 h"));
        browser.click("button[data-action=start]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("in progress"));
        browser.click("button[data-action=complete]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("completed"));
        browser.assertAccessible("service-ticket-mechanic");
        try (Response r =
                as(Api.tokenFor("manager"), "api/service-tickets/" + ticket).get()) {
            JsonObject done = body(r);
            assertEquals("completed", done.getString("status"));
            assertEquals(
                    0,
                    new java.math.BigDecimal("1.50")
                            .compareTo(done.getJsonNumber("labour_hours").bigDecimalValue()));
        }
        // taken: another mechanic neither sees it nor is offered to take it
        browser.signIn(colleague.getString("username"), Api.PASSWORD);
        browser.open("/app/service-tickets/" + ticket);
        browser.wait.until(d ->
                !browser.all("main .problem, main [role=alert], main .notice").isEmpty());
        assertTrue(browser.all("button[data-action=take]").isEmpty());
        assertFalse(browser.await("main").getText().contains("Service ticket #" + ticket));
    }

    @Test
    void anAdminCreatesAnAccountChangesItsRoleDeactivatesAndReactivatesIt() throws Exception {
        String username = "console-" + Api.RUN;
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/users");
        browser.awaitHeading("Users");
        browser.type("form.card input[name=username]", username);
        browser.type("form.card input[name=email]", username + "@it.example");
        new org.openqa.selenium.support.ui.Select(browser.await("form.card select[name=role]")).selectByValue("user");
        browser.type("form.card input[name=password]", "short");
        browser.click("form.card button[type=submit]");
        // the password policy's problem next to the password field
        assertFalse(browser.await("form.card input[name=password] + .field-error")
                .getText()
                .isBlank());
        browser.type("form.card input[name=password]", Api.PASSWORD);
        browser.click("form.card button[type=submit]");
        browser.open("/app/users?q=" + username);
        browser.awaitHeading("Users");
        new org.openqa.selenium.support.ui.Select(browser.await("main tbody select[name=role]"))
                .selectByValue("manager");
        browser.click("main tbody form.inline button[type=submit]");
        browser.wait.until(d -> browser.await("main tbody select[name=role]")
                        .getAttribute("value")
                        .equals("manager")
                && userRole(username).equals("manager"));
        browser.click("main tbody button.danger");
        browser.wait.until(d -> browser.await("main tbody").getText().contains("inactive"));
        try (Response r = Api.anonymous("api/auth/login")
                .post(json("{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertEquals(401, r.getStatus(), "a deactivated account cannot sign in");
        }
        // its own screen: reactivate it, change its name and email, set a new password
        browser.click("main tbody a[href^='/app/users/']");
        browser.awaitHeading("Account " + username);
        browser.click("button[data-action=reactivate]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("active"));
        String newPassword = "Reset-" + Api.PASSWORD;
        browser.type("form[aria-labelledby=details-title] input[name=full_name]", "Console Person");
        browser.type("form[aria-labelledby=details-title] input[name=email]", username + "-new@it.example");
        browser.type("form[aria-labelledby=details-title] input[name=password]", newPassword);
        browser.click("form[aria-labelledby=details-title] button[type=submit]");
        browser.wait.until(d -> browser.await("form[aria-labelledby=details-title] input[name=email]")
                        .getAttribute("value")
                        .equals(username + "-new@it.example")
                && browser.await("form[aria-labelledby=details-title] input[name=password]")
                        .getAttribute("value")
                        .isEmpty());
        browser.assertAccessible("user");
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            JsonObject account = body(r).getJsonArray("data").getJsonObject(0);
            assertTrue(account.getBoolean("active"));
            assertEquals("Console Person", account.getString("full_name"));
            assertEquals(username + "-new@it.example", account.getString("email"));
        }
        try (Response r = Api.anonymous("api/auth/login")
                .post(json("{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertEquals(401, r.getStatus(), "the old password no longer signs in");
        }
        Api.login(username, newPassword); // asserts 200
    }

    /** A service ticket a manager opened for a new customer, through the API; its id. */
    private static long openTicket(String description, String make, String model) {
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets")
                .post(json("{\"customer_id\":"
                        + Fixtures.customer() + ",\"description\":\"" + description + "\",\"make\":\"" + make
                        + "\",\"model\":\"" + model + "\"}"))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    private static String userRole(String username) {
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            return body(r).getJsonArray("data").getJsonObject(0).getString("role");
        }
    }
}
