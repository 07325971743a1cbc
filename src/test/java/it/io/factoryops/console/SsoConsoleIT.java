package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.SsoRealms;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's single sign-on in Chromium: "Sign in with Keycloak" goes to the provider's own sign-in page with a
 * PKCE challenge, and the provider's answer comes back to a signed-in console whose address no longer shows the code.
 */
class SsoConsoleIT extends BrowserTest {

    @BeforeAll
    void provider() throws Exception {
        SsoRealms.ensure();
    }

    @Test
    void staffSignInThroughTheIdentityProvider() {
        browser.signOutHere();
        browser.open("/");
        browser.awaitText("#sso", "Sign in with Keycloak");
        browser.assertAccessible("sign-in with single sign-on");
        browser.click("#sso");
        // Keycloak's own sign-in page
        browser.type("#username", "kc-browser");
        browser.type("#password", SsoRealms.PASSWORD);
        browser.click("#kc-login");
        browser.await("#logout");
        String url = browser.currentUrl();
        assertFalse(url.contains("code="), url);
        assertFalse(url.contains("state="), url);

        try (Response r =
                as(Api.adminToken(), "api/auth/users", "q", "kc-browser").get()) {
            JsonObject account = body(r).getJsonArray("data").getJsonObject(0);
            assertEquals("manager", account.getString("role"));
        }
        // a manager's console: the screens of a manager
        browser.open("/app/dashboard");
        browser.awaitHeading("Dashboard");
    }
}
