package it.io.factoryops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks in the console: an admin subscribes a receiver (its secret shown once), an address inside the plant
 * network is refused, the delivery log shows the event delivered, and a delivery is sent again with the same id.
 */
class WebhooksConsoleIT extends BrowserTest {

    private HttpServer receiver;
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();

    @BeforeAll
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    private void awaitCalls(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (webhookIds.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(webhookIds.size() >= n, () -> "calls received: " + webhookIds);
    }

    @Test
    void anAdminSubscribesSeesTheDeliveryAndSendsItAgain() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + Api.RUN;
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/webhooks");
        browser.awaitHeading("Webhooks");
        browser.assertAccessible("webhooks");

        // the plant network is not the receiver's to probe
        browser.type("form[aria-labelledby=new-webhook] input[name=url]", "http://169.254.169.254/latest/meta-data");
        browser.click("form[aria-labelledby=new-webhook] input[value='product.created']");
        browser.click("form[aria-labelledby=new-webhook] button[type=submit]");
        browser.await("form[aria-labelledby=new-webhook] .form-error");

        browser.type("form[aria-labelledby=new-webhook] input[name=url]", url);
        browser.click("form[aria-labelledby=new-webhook] button[type=submit]");
        assertTrue(browser.await("#webhook-secret").getText().startsWith("whsec_"), "the secret, shown once");

        Fixtures.product("9.99", 5);
        awaitCalls(1);
        browser.open("/app/webhooks");
        browser.awaitHeading("Webhooks");
        browser.clickButton("Deliveries to " + url);
        browser.awaitCell("delivered");
        browser.clickButton("Send product.created again");
        awaitCalls(2);
        assertEquals(webhookIds.get(0), webhookIds.get(1), "a redelivery carries the event's id again");
    }
}
