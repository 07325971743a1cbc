package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Custom roles in the console: an admin creates one with a permission, gives it to a user on the account's screen,
 * and the user's console then offers the screen that permission opens (and nothing more). API clients: created with
 * a permission, the secret shown once, rotated with an overlap, revoked.
 */
class RolesConsoleIT extends BrowserTest {

    private List<String> navigation() {
        browser.await("nav[aria-label=Main]");
        return browser.all("nav[aria-label=Main] a").stream()
                .map(a -> a.getText().trim())
                .toList();
    }

    private static JsonObject account(String username) {
        try (Response r = as(Api.adminToken(), "api/auth/users", "q", username).get()) {
            return body(r).getJsonArray("data").getJsonObject(0);
        }
    }

    @Test
    void anAdminCreatesACustomRoleAndGivesItToAUserWhoseConsoleThenOffersItsScreen() {
        String user = Api.createUser("user");
        browser.signIn(user, Api.PASSWORD);
        assertFalse(navigation().contains("Purchase orders"), "a user has no purchase orders");

        String role = "buyer-" + Api.RUN.toLowerCase(Locale.ROOT);
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/roles");
        browser.awaitHeading("Roles");
        browser.assertAccessible("roles");
        // what an admin lacks (a mechanic's queue) cannot be ticked
        assertFalse(browser.await("form[aria-labelledby=new-role] input[value='service-tickets:take']")
                .isEnabled());
        browser.type("form[aria-labelledby=new-role] input[name=name]", role);
        browser.click("form[aria-labelledby=new-role] input[value='purchase-orders:read']");
        browser.click("form[aria-labelledby=new-role] button[type=submit]");
        browser.await("form[aria-label='Role " + role + "']");

        browser.open("/app/users/" + account(user).getInt("id"));
        browser.awaitHeading("Account " + user);
        browser.click("form[aria-labelledby=custom-roles-title] input[value='" + role + "']");
        browser.click("form[aria-labelledby=custom-roles-title] button[type=submit]");
        browser.awaitText(
                "form[aria-labelledby=custom-roles-title] .hint",
                "Permissions now: account:self, notifications:own, customers:read, products:read, orders:read, "
                        + "orders:write, inventory:read, purchase-orders:read");
        assertEquals(
                List.of(role),
                account(user).getJsonArray("custom_roles").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());

        browser.signIn(user, Api.PASSWORD);
        List<String> navigation = navigation();
        assertTrue(navigation.contains("Purchase orders"), () -> "navigation: " + navigation);
        assertFalse(navigation.contains("Users"), () -> "navigation: " + navigation);
        browser.click("nav[aria-label=Main] a[href='/app/purchase-orders']");
        browser.awaitHeading("Purchase orders");
    }

    /** The status of a client credentials grant with this id and secret (a form body, as a string for the contract check). */
    private static int clientToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id="
                + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8) + "&client_secret="
                + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        try (Response r = Api.anonymous("api/oauth/token")
                .post(jakarta.ws.rs.client.Entity.entity(
                        form, jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED))) {
            return r.getStatus();
        }
    }

    @Test
    void anAdminCreatesAnApiClientSeesItsSecretOnceRotatesAndRevokesIt() {
        String name = "console-" + Api.RUN.toLowerCase(Locale.ROOT);
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/api-clients");
        browser.awaitHeading("API clients");
        browser.assertAccessible("api-clients");
        browser.type("form[aria-labelledby=new-client] input[name=name]", name);
        browser.click("form[aria-labelledby=new-client] input[value='products:read']");
        browser.click("form[aria-labelledby=new-client] button[type=submit]");
        String secret = browser.await("#client-secret").getText();
        String clientId =
                browser.await("[aria-labelledby=secret-title] dd code").getText();
        assertEquals(200, clientToken(clientId, secret), "the secret shown works");

        browser.clickButton("Rotate the secret of " + name);
        browser.awaitText("#secret-title", "New secret of " + name + " (the previous one works for 60 more minutes)");
        String rotated = browser.await("#client-secret").getText();
        assertFalse(rotated.equals(secret));
        assertEquals(200, clientToken(clientId, rotated));
        assertEquals(200, clientToken(clientId, secret), "the previous secret works during the overlap");

        browser.open("/app/api-clients");
        browser.awaitHeading("API clients");
        assertTrue(browser.all("#client-secret").isEmpty(), "a secret is shown once, not after a reload");
        browser.clickButton("Revoke " + name);
        browser.awaitCell("revoked");
        assertEquals(401, clientToken(clientId, rotated), "a revoked client gets no token");
    }
}
