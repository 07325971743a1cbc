package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Changing and deleting a placed order in the console: an admin raises a line's quantity (the stock left on the
 * order's screen drops by the difference), meets a 409 and a 412 in the form, and deletes another order (asked
 * first; the order is cancelled and its stock returned). Staff are offered neither.
 */
class OrderConsoleIT extends BrowserTest {

    private static long place(String token, long customer, long product, int quantity) {
        try (Response r = as(token, "api/orders").post(json(Fixtures.orderBody(customer, product, quantity)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    private static JsonObject order(long id) {
        try (Response r = as(Api.tokenFor("admin"), "api/orders/" + id).get()) {
            assertEquals(200, r.getStatus());
            return body(r);
        }
    }

    @Test
    void anAdminChangesAPlacedOrdersQuantityAndDeletesAnother() throws Exception {
        long product = Fixtures.product("7.50", 20);
        long customer = Fixtures.customer();
        String staff = Api.createUser("user");
        String staffToken = Api.login(staff, Api.PASSWORD).getString("access_token");
        long edited = place(staffToken, customer, product, 3);
        long deleted = place(staffToken, customer, product, 2);
        assertEquals(15, Fixtures.stockOf(product));

        // the member of staff who took the orders sees them, but neither edit nor delete
        browser.signIn(staff, Api.PASSWORD);
        browser.open("/app/orders/" + edited);
        browser.awaitHeading("Order #" + edited);
        assertTrue(browser.all("[data-action=edit], [data-action=delete]").isEmpty(), "staff do not change orders");
        browser.open("/app/orders/" + edited + "/edit");
        browser.awaitHeading("Not available");

        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/orders/" + edited);
        browser.awaitHeading("Order #" + edited);
        assertEquals("15", browser.await("[data-remaining='" + product + "']").getText());
        browser.assertAccessible("order-admin");
        browser.click("a[data-action=edit]");
        browser.awaitHeading("Edit order #" + edited);
        browser.assertPath("/app/orders/" + edited + "/edit");
        String line = "input[name='lines[0].quantity']";
        assertEquals("3", browser.await(line).getAttribute("value"));
        assertTrue(
                browser.await("select[name=customer_id]").getAttribute("value").equals(String.valueOf(customer)),
                "the order's customer is chosen");
        browser.assertAccessible("order-edit");

        // more than the shelf and the order hold together: 409 explained in the form, at the line
        browser.type(line, "40");
        browser.click("main form button[type=submit]");
        String error = browser.await(".form-error").getText();
        assertTrue(error.contains("Not enough stock") && error.contains("requested 40, available 18"), error);
        assertEquals("true", browser.await(line).getAttribute("aria-invalid"));
        browser.assertAccessible("order-edit-409");
        assertEquals(15, Fixtures.stockOf(product), "nothing moved");

        // 3 → 8: five more units leave the shelf
        browser.type(line, "8");
        browser.click("main form button[type=submit]");
        browser.awaitHeading("Order #" + edited);
        browser.assertPath("/app/orders/" + edited);
        browser.awaitText("[data-quantity='" + product + "']", "8");
        assertEquals("10", browser.await("[data-remaining='" + product + "']").getText());
        assertEquals(10, Fixtures.stockOf(product));
        assertEquals(8, order(edited).getJsonArray("lines").getJsonObject(0).getInt("quantity"));

        // someone changes it meanwhile: the form's version is stale, 412 shown in the form, nothing overwritten
        browser.click("a[data-action=edit]");
        browser.awaitHeading("Edit order #" + edited);
        JsonObject current = order(edited);
        try (Response r = as(Api.tokenFor("admin"), "api/orders/" + edited)
                .header("If-Match", "\"" + current.getJsonNumber("version") + "\"")
                .put(json(Fixtures.orderBody(customer, product, 9)))) {
            assertEquals(200, r.getStatus());
        }
        browser.type(line, "4");
        browser.click("main form button[type=submit]");
        String stale = browser.await(".form-error").getText();
        assertTrue(stale.contains("Reload to see the latest version"), stale);
        assertEquals(9, order(edited).getJsonArray("lines").getJsonObject(0).getInt("quantity"));
        assertEquals(9, Fixtures.stockOf(product));

        // delete the other one: asked first, then cancelled and its two units back on the shelf
        browser.open("/app/orders/" + deleted);
        browser.awaitHeading("Order #" + deleted);
        browser.click("button[data-action=delete]");
        browser.await("button[data-action=confirm-delete]");
        browser.assertAccessible("order-delete-confirm");
        browser.click("button[data-action=confirm-delete]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("cancelled"));
        assertTrue(
                browser.all("[data-action=edit], [data-action=delete]").isEmpty(), "a cancelled order is not changed");
        assertEquals("cancelled", order(deleted).getString("status"));
        assertEquals(11, Fixtures.stockOf(product));
        browser.assertAccessible("order-deleted");
    }
}
