package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.console.Browser;
import it.io.factoryops.console.Chromium;
import it.io.factoryops.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first start as IT meets it: a server on an empty database with no FACTORY_ADMIN_PASSWORD generates the first
 * super_admin's password and prints it once to the log. The API says that the password is to be changed
 * ({@code password_change_required}), the console shows a banner on every screen until it is, and changing it
 * clears both. Node B of the cluster tests, on a database of its own ({@link SiblingDatabase}, dropped after).
 * Only Api's constants are used: its first use waits for node A, which is not running here.
 */
@ExtendWith(Chromium.class)
class FirstStartIT {

    private static final Pattern GENERATED = Pattern.compile("with the generated password: (\\S+) --");
    private static final String CHOSEN = "Chosen-At-First-2026";

    private final SiblingDatabase database = SiblingDatabase.of("_first");
    private final ClusterNode node = ClusterNode.b().with(environment());

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", database.url());
        environment.put("FACTORY_ADMIN_PASSWORD", null);
        return environment;
    }

    @Test
    void theFirstAdministratorIsToldToChangeTheGeneratedPassword() throws Exception {
        database.recreate(); // empty, also when an interrupted run left it
        node.start();
        try (Browser browser = new Browser(node.base)) {
            Matcher printed = GENERATED.matcher(node.logText());
            String generated = null;
            while (printed.find()) {
                generated = printed.group(1); // this start's line is the last
            }
            assertTrue(generated != null, "the generated password in " + node.log());

            JsonObject session = node.login(Api.ADMIN, generated);
            assertTrue(session.getJsonObject("user").getBoolean("password_change_required"), session.toString());
            try (Response r =
                    node.as(session.getString("access_token"), "api/auth/me").get()) {
                assertEquals(200, r.getStatus());
                assertTrue(read(r).getBoolean("password_change_required"));
            }

            // every screen carries the banner, which leads to the account screen
            browser.signIn(Api.ADMIN, generated);
            browser.open("/app/dashboard");
            browser.awaitHeading("Dashboard");
            assertTrue(browser.await("#password-banner").getText().contains("generated"));
            browser.screenshot("first-start-banner");
            browser.click("#password-banner a");
            browser.awaitHeading("Account");
            browser.type("form.card input[name=current_password]", generated);
            browser.type("form.card input[name=new_password]", CHOSEN);
            browser.click("form.card button[type=submit]");
            browser.awaitText(
                    "p.success", "Password changed. Every other session of this account has been signed out.");
            assertTrue(browser.all("#password-banner").isEmpty(), "the banner goes with the change");
            browser.open("/app/dashboard"); // a reload: the account as the API now shows it
            browser.awaitHeading("Dashboard");
            assertTrue(browser.all("#password-banner").isEmpty(), "no banner after a reload");

            assertFalse(node.login(Api.ADMIN, CHOSEN).getJsonObject("user").getBoolean("password_change_required"));
            try (Response r = node.anonymous("api/auth/login").post(Entity.json(credentials(generated)))) {
                assertEquals(401, r.getStatus(), "the generated password no longer signs in");
            }
        } finally {
            node.stop();
            database.drop();
        }
    }

    private static JsonObject read(Response r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.readEntity(String.class)))) {
            return reader.readObject();
        }
    }

    private static String credentials(String password) {
        return "{\"username\":\"" + Api.ADMIN + "\",\"password\":\"" + password + "\"}";
    }
}
