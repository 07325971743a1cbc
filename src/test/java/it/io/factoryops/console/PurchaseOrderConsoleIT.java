package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Purchase orders in the console: an admin creates and submits one and is not offered approval; a second
 * admin approves it; the parts are received and their stock grows. The notification bell tells the creator.
 */
class PurchaseOrderConsoleIT extends BrowserTest {

    @Test
    void aSecondAdminApprovesWhatTheFirstCreatedAndTheDeliveryIsReceived() throws Exception {
        long supplier = Fixtures.supplier();
        String supplierCode;
        try (Response r =
                as(Api.tokenFor("manager"), "api/suppliers/" + supplier).get()) {
            supplierCode = body(r).getString("code");
        }
        long part = Fixtures.part(0);
        String partSku;
        try (Response r =
                as(Api.tokenFor("manager"), "api/inventory/items/" + part).get()) {
            partSku = body(r).getString("sku");
        }
        String creator = Api.createUser("admin");
        String approver = Api.createUser("admin");

        browser.signIn(creator, Api.PASSWORD);
        String path = draft(supplierCode, partSku, 12, "2.25");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        browser.click("button[data-action=submit]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("pending"));
        assertTrue(
                browser.all("button[data-action=approve], button[data-action=reject]")
                        .isEmpty(),
                "the creator is never offered approve or reject");
        assertTrue(browser.await("main .notice").getText().contains("someone else approves"));
        browser.assertAccessible("purchase-order-creator");

        browser.signIn(approver, Api.PASSWORD);
        browser.open(path);
        browser.awaitHeading("Purchase order PO-");
        browser.await("button[data-action=reject]");
        browser.click("button[data-action=approve]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("approved"));
        assertTrue(browser.await("[data-figure=approved_by]").getText().startsWith(approver));
        JsonObject po;
        try (Response r =
                as(Api.tokenFor("manager"), "api/purchase-orders/" + id).get()) {
            po = body(r);
        }
        assertEquals("approved", po.getString("status"));
        assertEquals(approver, po.getString("approved_by"));
        assertEquals(creator, po.getString("created_by"));

        // receive part of the delivery, line by line
        browser.type("input[name^='line-']", "5");
        browser.click("form[aria-labelledby=receive-title] button[type=submit]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("partially received"));
        assertEquals(5, Fixtures.partQuantity(part));
        browser.assertAccessible("purchase-order");

        // the creator hears of the approval: the bell counts it and the list links to the order
        browser.signIn(creator, Api.PASSWORD);
        browser.wait.until(d -> !browser.await("[data-testid=unread]").getText().isEmpty());
        browser.click("#bell");
        browser.awaitHeading("Notifications");
        browser.await("main tbody a[href='" + path + "']");
        browser.assertAccessible("notifications");
        browser.click("#read-all");
        browser.wait.until(d -> browser.all("main tbody button").isEmpty());
    }

    /**
     * Two levels: a manager raises an order above the managers' approval limit (5,000.00 on the test server);
     * another manager is told an administrator decides and is offered neither approve nor reject; an admin
     * approves it; the manager receives everything and the part's stock shows it.
     */
    @Test
    void aManagerRaisesAnOrderAboveTheLimitThatOnlyAnAdminApproves() throws Exception {
        long supplier = Fixtures.supplier();
        String supplierCode;
        try (Response r =
                as(Api.tokenFor("manager"), "api/suppliers/" + supplier).get()) {
            supplierCode = body(r).getString("code");
        }
        long part = Fixtures.part(0);
        String partSku = Fixtures.partSku(part);
        String buyer = Api.createUser("manager");
        String colleague = Api.createUser("manager");

        browser.signIn(buyer, Api.PASSWORD);
        String path = draft(supplierCode, partSku, 10, "600.00");
        browser.click("button[data-action=submit]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("pending"));
        assertTrue(browser.await("main .notice").getText().contains("an administrator approves"));

        browser.signIn(colleague, Api.PASSWORD);
        browser.open(path);
        browser.awaitHeading("Purchase order PO-");
        assertTrue(browser.await("main .notice").getText().contains("an administrator approves"));
        assertTrue(
                browser.all("button[data-action=approve], button[data-action=reject]")
                        .isEmpty(),
                "6,000.00 is above what a manager may approve");
        browser.assertAccessible("purchase-order-above-the-limit");

        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open(path);
        browser.awaitHeading("Purchase order PO-");
        browser.click("button[data-action=approve]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("approved"));

        browser.signIn(buyer, Api.PASSWORD);
        browser.open(path);
        browser.awaitHeading("Purchase order PO-");
        browser.type("input[name^='line-']", "10");
        browser.click("form[aria-labelledby=receive-title] button[type=submit]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("received"));
        browser.open("/app/parts/" + part);
        browser.awaitText("[data-figure=quantity]", "10 pcs");
        browser.assertAccessible("part-after-receipt");
    }

    /** Creates a draft purchase order of one line on the console's form; returns the order's address. */
    private String draft(String supplierCode, String partSku, int quantity, String unitCost) {
        browser.open("/app/purchase-orders/new");
        browser.awaitHeading("New purchase order");
        browser.pick("supplier_id", supplierCode, supplierCode);
        browser.pick("item_id", partSku, partSku);
        browser.type("input[name=quantity]", Integer.toString(quantity));
        browser.type("input[name=unit_cost]", unitCost);
        browser.click("main form button[type=submit]");
        browser.awaitHeading("Purchase order PO-");
        return browser.driver.getCurrentUrl().substring(Api.BASE.length());
    }
}
