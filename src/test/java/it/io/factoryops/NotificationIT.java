package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.factoryops.notification.NotificationTestServlet;
import io.factoryops.notification.TestReorderAdvisor;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import it.io.factoryops.support.TestDeployment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications end to end: the API over real HTTP (own notifications only, unread first, paging, read,
 * read-all, unread count, every role, anonymous 401), low stock notifying the managers, and the mail outbox
 * delivering to a real SMTP server (GreenMail, on the port the test server mails to: {@code mail.port}),
 * never for a rolled-back change, and late rather than never when the mail server was down.
 *
 * <p>Nothing in the product creates notifications over HTTP yet (the stock ledger and purchase orders
 * will): Arquillian deploys a copy of the application with a test servlet that does what those features do
 * ({@link NotificationTestServlet}: notify an account, fire the low-stock event in a transaction and commit
 * or roll back) and a {@link TestReorderAdvisor}. The copy runs no timers: the real application's outbox
 * timer sends the mail.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    private static final int MAIL_PORT = Integer.getInteger("mail.port", 3925);
    /** An upper bound only: a busy machine (load average 25 beside other builds) once needed more than 60 s. */
    private static final Duration MAIL_WAIT = Duration.ofSeconds(120);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static GreenMail smtp;
    private static URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("notification-test.war")
                .addClasses(NotificationTestServlet.class, TestReorderAdvisor.class);
    }

    @ArquillianResource
    URL testApp;

    @BeforeAll
    static void startMailServer() {
        smtp = mailServer();
    }

    /** Before the mail server stops: every mail of this run delivered (the other managers' too). */
    @AfterAll
    static void deliverTheRestAndStopMailServer() {
        try {
            if (base != null) {
                await(
                        "every mail of this run sent",
                        () -> outboxAt(base, Api.RUN).stream().allMatch(r -> r.containsKey("sent_at")));
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @BeforeEach
    void rememberTheTestApplication() {
        base = testApp;
    }

    private static GreenMail mailServer() {
        GreenMail server = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("factory-ops", "it-mail-secret"));
        server.start();
        return server;
    }

    /** An account of this role: its username, email and token. */
    private record Account(String username, String email, String token) {
        static Account of(String role) {
            String username = Api.createUser(role);
            return new Account(
                    username,
                    username + "@it.example",
                    Api.login(username, Api.PASSWORD).getString("access_token"));
        }
    }

    // ---- the API ----

    @Test
    void listsOwnNotificationsUnreadFirstThenNewestAndPages() {
        Account me = Account.of("user");
        String title = "PO " + unique();
        notify(me, "PO_APPROVED", title, 5);

        JsonObject first = list(me, "per_page=2");
        assertEquals(5, first.getJsonObject("pagination").getInt("total"));
        assertEquals(3, first.getJsonObject("pagination").getInt("pages"));
        assertEquals(List.of(title + " 5", title + " 4"), titles(first));
        JsonObject n5 = first.getJsonArray("data").getJsonObject(0);
        assertEquals("PO_APPROVED", n5.getString("type"));
        assertEquals("Message of " + title + " 5", n5.getString("message"));
        assertEquals("PURCHASE_ORDER", n5.getString("reference_type"));
        assertEquals(5, n5.getInt("reference_id"));
        assertFalse(n5.getBoolean("read"));
        assertFalse(n5.containsKey("read_at"));
        assertFalse(n5.containsKey("suggested_reorder"));
        assertTrue(n5.getString("created_at").endsWith("Z"));
        String cursor = first.getJsonObject("pagination").getString("next_cursor");
        JsonObject second = list(me, "per_page=2&after=" + cursor);
        assertEquals(List.of(title + " 3", title + " 2"), titles(second));
        assertEquals(5, unread(me));

        long n4 =
                first.getJsonArray("data").getJsonObject(1).getJsonNumber("id").longValue();
        JsonObject read;
        try (Response r = as(me.token(), "api/notifications/" + n4 + "/read").post(null)) {
            assertEquals(200, r.getStatus());
            read = body(r);
        }
        assertTrue(read.getBoolean("read"));
        assertNotNull(read.getString("read_at"));
        try (Response r = as(me.token(), "api/notifications/" + n4 + "/read").post(null)) {
            assertEquals(200, r.getStatus(), "reading a read notification again is fine");
            assertEquals(read.getString("read_at"), body(r).getString("read_at"), "it keeps the first read time");
        }
        assertEquals(4, unread(me));

        assertEquals(
                List.of(title + " 5", title + " 3", title + " 2", title + " 1", title + " 4"),
                titles(list(me, "")),
                "unread first, then newest");
        assertEquals(List.of(title + " 4"), titles(list(me, "read=true")));
        assertEquals(4, list(me, "read=false").getJsonObject("pagination").getInt("total"));
        assertEquals(5, list(me, "type=PO_APPROVED").getJsonObject("pagination").getInt("total"));
        assertEquals(0, list(me, "type=LOW_STOCK").getJsonObject("pagination").getInt("total"));
        assertEquals(List.of(title + " 1", title + " 2"), titles(list(me, "sort=created_at,id&per_page=2")));

        try (Response r = as(me.token(), "api/notifications/read-all").post(null)) {
            assertEquals(200, r.getStatus());
            assertEquals(4, body(r).getInt("marked"));
        }
        try (Response r = as(me.token(), "api/notifications/read-all").post(null)) {
            assertEquals(0, body(r).getInt("marked"), "nothing left to mark");
        }
        assertEquals(0, unread(me));
    }

    @Test
    void badFiltersAreRefused() {
        Account me = Account.of("user");
        for (String query : List.of("type=SOMETHING", "read=maybe", "sort=title", "per_page=101", "after=garbage")) {
            assertRefused(
                    as(me.token(), "api/notifications", query.split("=")[0], query.split("=")[1])
                            .get(),
                    400,
                    "INVALID_PARAMETER");
        }
    }

    @Test
    void anotherAccountsNotificationIsNotFound() {
        Account owner = Account.of("manager");
        Account other = Account.of("admin");
        notify(owner, "PO_REJECTED", "Mine " + unique(), 1);
        long id = list(owner, "")
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        assertRefused(as(other.token(), "api/notifications/" + id + "/read").post(null), 404, "NOT_FOUND");
        try (Response r =
                as(Api.adminToken(), "api/notifications/" + id + "/read").post(null)) {
            assertProblem(r, 404, "NOT_FOUND"); // not even the super admin reads someone else's
        }
        assertRefused(as(other.token(), "api/notifications/999999999/read").post(null), 404, "NOT_FOUND");
        assertEquals(0, list(other, "").getJsonObject("pagination").getInt("total"));
        try (Response r = as(other.token(), "api/notifications/read-all").post(null)) {
            assertEquals(0, body(r).getInt("marked"));
        }
        assertEquals(1, unread(owner), "nobody else marked it read");
    }

    @Test
    void everyRoleReadsItsOwnAndAnonymousIsRefused() {
        for (String role : List.of("super_admin", "admin", "manager", "user", "mechanic", "customer")) {
            Account account = Account.of(role);
            notify(account, "PO_APPROVED", "For a " + role + " " + unique(), 1);
            assertEquals(1, list(account, "").getJsonObject("pagination").getInt("total"), role);
            assertEquals(1, unread(account), role);
            try (Response r = as(account.token(), "api/notifications/read-all").post(null)) {
                assertEquals(200, r.getStatus(), role);
                assertEquals(1, body(r).getInt("marked"), role);
            }
        }
        for (String path : List.of("api/notifications", "api/notifications/unread-count")) {
            assertRefused(anonymous(path).get(), 401, "UNAUTHORIZED");
        }
        for (String path : List.of("api/notifications/1/read", "api/notifications/read-all")) {
            assertRefused(anonymous(path).post(null), 401, "UNAUTHORIZED");
        }
    }

    // ---- low stock and mail ----

    @Test
    void lowStockNotifiesEveryManagerAndMailsThem() throws Exception {
        Account manager = Account.of("manager");
        Account admin = Account.of("admin");
        Account user = Account.of("user");
        String sku = "LOW-" + unique();

        JsonObject fired = lowStock("PART", 4242, sku, false);
        assertTrue(fired.getInt("notifications_in_transaction") >= 3, fired::toString); // + the super admin

        JsonObject note = only(list(manager, "type=LOW_STOCK"), sku);
        assertEquals("Low stock: " + sku + " Widget " + sku, note.getString("title"));
        assertTrue(note.getString("message").contains("down to 3, at or below its reorder level of 5"), note::toString);
        assertEquals("PART", note.getString("reference_type"));
        assertEquals(4242, note.getInt("reference_id"));
        JsonObject suggestion = note.getJsonObject("suggested_reorder");
        assertEquals(4242, suggestion.getInt("item_id"));
        assertEquals(11242, suggestion.getInt("supplier_id"));
        assertEquals(25, suggestion.getInt("quantity"));
        assertNotNull(only(list(admin, "type=LOW_STOCK"), sku), "admins are managers too");
        assertEquals(0, matching(list(user, "type=LOW_STOCK"), sku).size(), "a user is not a manager");

        MimeMessage mail = awaitMail(manager.email(), sku);
        assertEquals("Low stock: " + sku + " Widget " + sku, mail.getSubject());
        assertEquals("factory-ops@it.example", mail.getFrom()[0].toString());
        String text = GreenMailUtil.getBody(mail);
        assertTrue(text.contains("at or below its reorder level of 5"), text);
        assertTrue(text.contains("Suggested reorder: 25 of part 4242 from supplier 11242"), text);
        awaitMail(admin.email(), sku);
        await("the outbox rows are marked sent", () -> outbox(sku).stream().allMatch(r -> r.containsKey("sent_at")));

        String product = "LOWP-" + unique();
        lowStock("PRODUCT", 77, product, false);
        JsonObject productNote = only(list(manager, "type=LOW_STOCK"), product);
        assertEquals("PRODUCT", productNote.getString("reference_type"));
        assertFalse(productNote.containsKey("suggested_reorder"), "no suggestion for a product");
    }

    /**
     * A mechanic fits and returns one part in a loop, dipping it below its reorder level each time: one alert
     * per manager (units given back are no recovery), read or not, and one mail. After a real recovery (stock
     * received) the next dip alerts again, but no second mail within the per-recipient interval
     * (factory.mail.min-interval-seconds).
     */
    @Test
    void fittingAndReturningAPartInALoopAlertsAndMailsOnce() throws Exception {
        Account manager = Account.of("manager");
        String sku = "LOOP-" + unique();
        long part;
        try (Response r = as(Api.tokenFor("manager"), "api/inventory/items")
                .post(Api.json(object(
                        "sku", sku, "name", "Loop part", "unit_cost", new BigDecimal("2.00"), "reorder_level", 2)))) {
            assertEquals(201, r.getStatus());
            part = body(r).getJsonNumber("id").longValue();
        }
        addStock(part, 3);
        JsonObject mechanic = Fixtures.mechanic();
        String mechanicToken = Fixtures.mechanicToken(mechanic);
        long ticket;
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets")
                .post(Api.json(object("customer_id", Fixtures.customer(), "description", "Loop")))) {
            assertEquals(201, r.getStatus());
            ticket = body(r).getJsonNumber("id").longValue();
        }
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets/" + ticket + "/edit")
                .put(Api.json(object("add_mechanic_ids", array(mechanic.getJsonNumber("id")))))) {
            assertEquals(200, r.getStatus());
        }
        fitAndReturn(mechanicToken, ticket, part, 5);
        assertEquals(1, matching(list(manager, "type=LOW_STOCK"), sku).size(), "one open alert per item");
        awaitMail(manager.email(), sku);
        await("the loop's mails are sent", () -> outbox(sku).stream().allMatch(r -> r.containsKey("sent_at")));
        assertEquals(1, mailsTo(manager.email(), sku), "one mail");

        // read: the loop still raises nothing (the part never recovered)
        long alert =
                only(list(manager, "type=LOW_STOCK"), sku).getJsonNumber("id").longValue();
        try (Response r =
                as(manager.token(), "api/notifications/" + alert + "/read").post(null)) {
            assertEquals(200, r.getStatus());
        }
        fitAndReturn(mechanicToken, ticket, part, 3);
        assertEquals(1, matching(list(manager, "type=LOW_STOCK"), sku).size(), "no alert without a recovery");

        // a real recovery, then a dip: a new alert, but no second mail within the interval
        addStock(part, 5);
        try (Response r = as(mechanicToken, "api/service-tickets/" + ticket + "/parts")
                .post(Api.json(object("item_id", part, "quantity", 6)))) {
            assertEquals(200, r.getStatus());
        }
        assertEquals(2, matching(list(manager, "type=LOW_STOCK"), sku).size(), "a new dip after a recovery");
        Thread.sleep(3000); // the outbox runs every second: a mail would be out by now
        await("the mails are sent", () -> outbox(sku).stream().allMatch(r -> r.containsKey("sent_at")));
        assertEquals(1, mailsTo(manager.email(), sku), "one mail per recipient and item within the interval");
    }

    private static void addStock(long part, int quantity) {
        try (Response r = as(Api.tokenFor("manager"), "api/inventory/items/" + part + "/add-stock")
                .post(Api.json(object("quantity", quantity)))) {
            assertEquals(201, r.getStatus());
        }
    }

    /** Fits one unit of the part and returns the line, {@code times} times, as the mechanic. */
    private static void fitAndReturn(String token, long ticket, long part, int times) {
        for (int i = 0; i < times; i++) {
            long line;
            try (Response r = as(token, "api/service-tickets/" + ticket + "/parts")
                    .post(Api.json(object("item_id", part, "quantity", 1)))) {
                assertEquals(200, r.getStatus());
                JsonArray parts = body(r).getJsonArray("parts");
                line = parts.getJsonObject(parts.size() - 1).getJsonNumber("id").longValue();
            }
            try (Response r = as(token, "api/service-tickets/" + ticket + "/parts/" + line)
                    .delete()) {
                assertEquals(200, r.getStatus());
            }
        }
    }

    private static long mailsTo(String to, String subject) throws MessagingException {
        long count = 0;
        for (MimeMessage m : received(subject)) {
            for (var address : m.getRecipients(Message.RecipientType.TO)) {
                if (address.toString().equals(to)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void aRolledBackChangeNeitherNotifiesNorMails() throws Exception {
        Account manager = Account.of("manager");
        String undone = "UNDONE-" + unique();
        JsonObject fired = lowStock("PRODUCT", 88, undone, true);
        assertTrue(fired.getInt("notifications_in_transaction") >= 2, fired::toString);
        assertTrue(fired.getInt("mails_in_transaction") >= 2, "written inside the transaction: " + fired);

        assertEquals(0, matching(list(manager, "type=LOW_STOCK"), undone).size());
        assertEquals(List.of(), outbox(undone));
        // a committed one after it is mailed; the rolled-back one never is
        String done = "DONE-" + unique();
        lowStock("PRODUCT", 89, done, false);
        awaitMail(manager.email(), done);
        assertEquals(List.of(), received(undone));
    }

    @Test
    void aMailWaitsWhileTheMailServerIsDownAndIsDeliveredWhenItIsBack() throws Exception {
        Account manager = Account.of("manager");
        String sku = "DOWN-" + unique();
        smtp.stop();
        try {
            lowStock("PRODUCT", 99, sku, false);
            await("failed attempts are counted and the rows kept", () -> {
                List<JsonObject> rows = outbox(sku);
                return !rows.isEmpty()
                        && rows.stream()
                                .allMatch(r -> r.getInt("attempts") >= 2
                                        && !r.containsKey("sent_at")
                                        && !r.containsKey("failed_at")
                                        && r.containsKey("last_error"));
            });
        } finally {
            smtp = mailServer();
        }
        MimeMessage mail = awaitMail(manager.email(), sku);
        assertTrue(mail.getSubject().contains(sku));
        await("the rows are marked sent", () -> outbox(sku).stream().allMatch(r -> r.containsKey("sent_at")));
        JsonObject row = outbox(sku).get(0);
        assertTrue(row.getInt("attempts") >= 3, row::toString);
        assertFalse(row.containsKey("last_error"), row::toString);
    }

    // ---- helpers ----

    private static String unique() {
        return Api.RUN + "-" + SEQ.incrementAndGet();
    }

    private void notify(Account account, String type, String title, int count) {
        JsonObject written = post(
                "test/notify",
                Map.of("username", account.username(), "type", type, "title", title, "count", Integer.toString(count)));
        assertEquals(count, written.getInt("written"));
    }

    private JsonObject lowStock(String kind, long owner, String sku, boolean rollback) {
        return post(
                "test/low-stock",
                Map.of(
                        "kind",
                        kind,
                        "owner",
                        Long.toString(owner),
                        "sku",
                        sku,
                        "name",
                        "Widget " + sku,
                        "before",
                        "6",
                        "after",
                        "3",
                        "level",
                        "5",
                        "rollback",
                        Boolean.toString(rollback)));
    }

    private List<JsonObject> outbox(String subject) {
        return outboxAt(testApp, subject);
    }

    private static List<JsonObject> outboxAt(URL testApp, String subject) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(testApp.toURI()
                                    .resolve("test/outbox?subject="
                                            + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                JsonArray rows = reader.readArray();
                return rows.getValuesAs(JsonObject.class);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject post(String path, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            URI uri = testApp.toURI().resolve(path + "?" + query);
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                return reader.readObject();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject list(Account account, String query) {
        var target = Api.target("api/notifications");
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                target = target.queryParam(kv[0], kv[1]);
            }
        }
        try (Response r = target.request()
                .header("Authorization", "Bearer " + account.token())
                .get()) {
            assertEquals(200, r.getStatus());
            assertNotNull(r.getHeaderString("Link"));
            return body(r);
        }
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("title"))
                .toList();
    }

    private static List<JsonObject> matching(JsonObject page, String text) {
        return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("title").contains(text))
                .toList();
    }

    private static JsonObject only(JsonObject page, String text) {
        List<JsonObject> found = matching(page, text);
        assertEquals(1, found.size(), () -> "one notification about " + text + " in " + page);
        return found.get(0);
    }

    private static long unread(Account account) {
        try (Response r = as(account.token(), "api/notifications/unread-count").get()) {
            assertEquals(200, r.getStatus());
            return body(r).getJsonNumber("unread").longValue();
        }
    }

    /** The mails GreenMail received whose subject contains the text. */
    private static List<MimeMessage> received(String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains(subject)) {
                found.add(m);
            }
        }
        return found;
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : received(subject)) {
                for (var address : m.getRecipients(Message.RecipientType.TO)) {
                    if (address.toString().equals(to)) {
                        return m;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + " about " + subject + " within " + MAIL_WAIT.toSeconds() + " s");
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + MAIL_WAIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
