package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.Mailbox;
import it.io.factoryops.support.SelfService;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer portal (/portal) and the mechanic's workbench in one day's work, in a real Chromium: a customer
 * registers, confirms with the mailed token, opens a ticket for their vehicle; a mechanic takes it from the
 * queue, fits a part (the part's stock drops on its screen), records labour and completes it, and a second
 * mechanic can no longer see it; the customer sees it completed with its total and was notified. axe-core
 * runs on every screen visited; screenshots under target/screenshots/.
 */
class PortalIT extends BrowserTest {

    private static Mailbox mailbox;

    @BeforeAll
    static void openMailbox() {
        mailbox = Mailbox.open();
    }

    @AfterAll
    static void closeMailbox() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void aCustomerRegistersOpensATicketAndSeesItCompletedByAMechanic() throws Exception {
        String email = Api.uniqueEmail("portal");
        browser.signOutHere();
        browser.open("/portal");
        browser.await("form.login");
        browser.assertAccessible("portal-sign-in");
        browser.click("form.login a[href='/portal/register']");
        browser.awaitHeading("Register as a customer");
        browser.click("main form button[type=submit]");
        browser.await("[aria-invalid=true][name=name]");
        browser.assertAccessible("portal-register-problems");
        browser.type("input[name=name]", "Paula Portal");
        browser.type("input[name=email]", email);
        browser.type("input[name=phone]", "+1 555 0199");
        browser.click("main form button[type=submit]");
        assertTrue(browser.await("#registered").getText().contains("confirmation mail"));

        String token = SelfService.token(mailbox, email, 1);
        assertTrue(
                Mailbox.text(mailbox.await(email, SelfService.CONFIRM_SUBJECT)).contains("/portal/confirm"));
        browser.open("/portal/confirm#token=" + token);
        browser.awaitHeading("Confirm your registration");
        assertEquals(token, browser.await("input[name=token]").getAttribute("value"), "the token comes from the link");
        browser.type("input[name=password]", "short");
        browser.click("main form button[type=submit]");
        browser.await("[aria-invalid=true][name=password]");
        browser.assertAccessible("portal-confirm-weak-password");
        browser.type("input[name=password]", Api.PASSWORD);
        browser.click("main form button[type=submit]");
        browser.awaitHeading("My service tickets");
        assertTrue(browser.await("main .empty").getText().contains("No service tickets yet"));
        browser.assertAccessible("portal-tickets-empty");

        browser.click("#open-ticket");
        browser.awaitHeading("Open a service ticket");
        browser.type("input[name=vin]", "1HGCM82633A00435"); // 16 characters: refused next to the field
        browser.type("textarea[name=description]", "Grinding noise when braking");
        browser.click("main form button[type=submit]");
        browser.await("[aria-invalid=true][name=vin]");
        browser.assertAccessible("portal-open-ticket-problems");
        browser.type("input[name=vin]", "1hgcm82633a004352");
        browser.type("input[name=make]", "Honda");
        browser.type("input[name=model]", "Accord");
        browser.type("input[name=year]", "2003");
        browser.click("main form button[type=submit]");
        browser.awaitHeading("Service ticket #");
        long ticket = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
        assertTrue(browser.await("main dl.facts").getText().contains("1HGCM82633A004352"));
        assertEquals("open", browser.await("main .page-head .badge").getText());
        browser.assertAccessible("portal-ticket-open");

        // the mechanic's workbench: take, fit a part (its stock drops on its screen), labour, start, complete
        JsonObject mechanic = Fixtures.mechanic();
        JsonObject colleague = Fixtures.mechanic();
        long part = Fixtures.part(10);
        String sku = Fixtures.partSku(part);
        browser.signIn(mechanic.getString("username"), Api.PASSWORD);
        browser.open("/app/service-tickets?q=1HGCM82633A004352");
        browser.awaitHeading("My workbench");
        assertTrue(
                browser.await("section[aria-labelledby=mine-title]").getText().contains("Nothing assigned to you"));
        browser.click("main .list a[href='/app/service-tickets/" + ticket + "']");
        browser.awaitHeading("Service ticket #" + ticket);
        browser.click("button[data-action=take]");
        browser.await("form[aria-labelledby=labour-title]");
        browser.assertAccessible("workbench-ticket-taken");
        browser.open("/app/service-tickets");
        browser.awaitHeading("My workbench");
        assertTrue(browser.await("section[aria-labelledby=mine-title] table")
                .getText()
                .contains("#" + ticket));
        browser.assertAccessible("workbench-queue");
        browser.open("/app/service-tickets/" + ticket);
        browser.awaitHeading("Service ticket #" + ticket);
        browser.pick("item_id", sku, "10 pcs in stock");
        browser.type("form[aria-labelledby=fit-title] input[name=quantity]", "3");
        browser.click("form[aria-labelledby=fit-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main").getText().contains("Return Part " + sku));
        browser.open("/app/parts/" + part);
        browser.awaitText("[data-figure=quantity]", "7 pcs");
        browser.assertAccessible("workbench-part-after-fitting");
        browser.open("/app/service-tickets/" + ticket);
        browser.awaitHeading("Service ticket #" + ticket);
        browser.type("form[aria-labelledby=labour-title] input[name=hours]", "2");
        browser.click("form[aria-labelledby=labour-title] button[type=submit]");
        browser.wait.until(d -> browser.await("main dl.totals").getText().contains("(2 h"));
        browser.click("button[data-action=start]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("in progress"));
        browser.click("button[data-action=complete]");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("completed"));
        browser.signIn(colleague.getString("username"), Api.PASSWORD);
        browser.open("/app/service-tickets/" + ticket);
        browser.wait.until(d -> !browser.all("main [role=alert]").isEmpty());
        assertFalse(
                browser.await("main").getText().contains("Service ticket #" + ticket),
                "taken: not for another mechanic");

        // the customer sees it completed, with the total the API charges, and was told twice
        String total;
        try (Response r =
                as(customerToken(email), "api/customers/my-tickets/" + ticket).get()) {
            total = String.format(
                    java.util.Locale.US, "%,.2f", body(r).getJsonNumber("total").bigDecimalValue());
        }
        browser.signOutHere();
        browser.open("/portal/service-tickets/" + ticket);
        browser.type("input[name=username]", email);
        browser.type("input[name=password]", Api.PASSWORD);
        browser.click("form.login button[type=submit]");
        browser.awaitHeading("Service ticket #" + ticket);
        assertEquals("completed", browser.await("main .page-head .badge").getText());
        assertEquals(total, browser.await("[data-figure=total]").getText());
        String shown = browser.await("main").getText();
        assertTrue(shown.contains("Part " + sku) && shown.contains(mechanic.getString("name")), shown);
        assertFalse(shown.contains(mechanic.getString("username") + "@"), "no staff login names");
        browser.assertAccessible("portal-ticket-completed");
        browser.awaitText("[data-testid=unread]", "2");
        browser.click("#bell");
        browser.awaitHeading("Notifications");
        assertTrue(browser.await("main table")
                .getText()
                .contains("#" + ticket + " (Honda Accord) is completed. Total " + total.replace(",", "")));
        browser.assertAccessible("portal-notifications");
        browser.click("main table a");
        browser.awaitHeading("Service ticket #" + ticket);
    }

    @Test
    void aCustomerChangesTheirDetailsAndSeesNoOneElsesTickets() throws Exception {
        String email = Api.uniqueEmail("portal-details");
        try (SelfService self = SelfService.fromOwnAddress()) {
            self.registerAndConfirm(mailbox, "Dora Details", email);
        }
        long foreign;
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets")
                .post(Api.json("{\"customer_id\":" + Fixtures.customer() + ",\"description\":\"Someone else's\"}"))) {
            foreign = body(r).getJsonNumber("id").longValue();
        }
        browser.signOutHere();
        browser.open("/portal/account");
        browser.type("input[name=username]", email);
        browser.type("input[name=password]", Api.PASSWORD);
        browser.click("form.login button[type=submit]");
        browser.awaitHeading("My details");
        browser.type("input[name=name]", " ");
        browser.type("input[name=phone]", "call me maybe");
        browser.click("form[aria-labelledby=contact-title] button[type=submit]");
        browser.await("[aria-invalid=true][name=phone]");
        browser.await("[aria-invalid=true][name=name]");
        browser.assertAccessible("portal-details-problems");
        browser.type("input[name=name]", "Dora Details-Smith");
        browser.type("input[name=phone]", "+44 20 7946 0000");
        browser.type("input[name=address]", "221B Baker Street");
        browser.click("form[aria-labelledby=contact-title] button[type=submit]");
        browser.awaitText("form[aria-labelledby=contact-title] .success", "Saved.");
        try (Response r = as(customerToken(email), "api/customers/me").get()) {
            JsonObject me = body(r);
            assertEquals("Dora Details-Smith", me.getString("name"));
            assertEquals("221B Baker Street", me.getString("address"));
        }
        // a deep link survives a reload; another customer's ticket is not found, exactly like a missing one
        browser.driver.navigate().refresh();
        browser.awaitHeading("My details");
        browser.open("/portal/service-tickets/" + foreign);
        assertTrue(browser.await("main [role=alert]").getText().toLowerCase().contains("not found"));
        // staff do not sign in here
        browser.signOutHere();
        browser.open("/portal");
        browser.type("input[name=username]", Api.createUser("manager"));
        browser.type("input[name=password]", Api.PASSWORD);
        browser.click("form.login button[type=submit]");
        browser.await("form.login .form-error");
    }

    private static String customerToken(String email) {
        try (SelfService self = SelfService.fromOwnAddress()) {
            return self.token(email, Api.PASSWORD);
        }
    }
}
