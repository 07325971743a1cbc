package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertOk;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.ReportFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly report runs: what the timer does on the first of the month, triggered for a past month by an admin
 * (POST /api/reports/runs, the same service method): stored once per month however often and however concurrently
 * it is triggered, listed, downloaded, and mailed to the managers with the reports attached (GreenMail on the port
 * the test server mails to, as in NotificationIT).
 */
class ReportRunIT {

    private static final int MAIL_PORT = Integer.getInteger("mail.port", 3925);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(90);
    /** Months of long ago, so that this run's are new even in a database that earlier runs left. */
    private static final Random MONTHS = new Random();

    private static GreenMail smtp;
    /** The months this class stored, with the accounts mailed for each (managers, admins, super admins). */
    private static final Map<String, Long> RECIPIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String admin = Api.tokenFor("admin");
    private final String manager = Api.tokenFor("manager");

    @BeforeAll
    static void startMailServer() {
        smtp = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("factory-ops", "it-mail-secret"));
        smtp.start();
    }

    /**
     * Before the mail server stops: every manager's mail of the months this class stored delivered, so that no
     * mail is left retrying against a closed port while the rest of the suite runs.
     */
    @AfterAll
    static void deliverTheRestAndStopMailServer() throws Exception {
        try {
            long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
            for (Map.Entry<String, Long> stored : RECIPIENTS.entrySet()) {
                while (received(null, "Monthly reports " + stored.getKey()).size() < stored.getValue()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aMonthIsStoredOnceListedDownloadedAndMailedToTheManagers() throws Exception {
        String username = Api.createUser("manager");
        String email = username + "@it.example";
        String managerToken = Api.login(username, Api.PASSWORD).getString("access_token");

        JsonObject first = freshMonth();
        String month = first.getString("month");
        List<JsonObject> runs = first.getJsonArray("runs").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("inventory", "purchase_orders"),
                runs.stream().map(r -> r.getString("kind")).toList());
        for (JsonObject run : runs) {
            assertEquals(month + "-01", run.getString("period_start"));
            assertEquals(YearMonth.parse(month).atEndOfMonth().toString(), run.getString("period_end"));
            assertEquals("completed", run.getString("status"));
            assertEquals("manual", run.getString("trigger"));
            assertTrue(run.getJsonNumber("size_bytes").longValue() > 0);
            assertEquals("/api/reports/runs/" + run.getJsonNumber("id"), run.getString("download"));
        }

        // once: a second trigger stores nothing and answers the same runs
        JsonObject again = trigger(admin, month, 200);
        assertFalse(again.getBoolean("created"));
        assertEquals(ids(first), ids(again));

        // listed, newest first, by kind
        JsonObject inventoryRun = runs.get(0);
        long id = inventoryRun.getJsonNumber("id").longValue();
        JsonObject page;
        try (Response r = as(manager, "api/reports/runs", "kind", "inventory", "per_page", 5)
                .get()) {
            assertEquals(200, r.getStatus());
            assertTrue(r.getHeaderString("Link").contains("rel=\"first\""));
            page = body(r);
        }
        List<JsonObject> listed = page.getJsonArray("data").getValuesAs(JsonObject.class);
        assertTrue(listed.stream().allMatch(r -> r.getString("kind").equals("inventory")));
        assertTrue(listed.stream().anyMatch(r -> r.getJsonNumber("id").longValue() == id), "newest first: " + listed);

        // downloaded: the inventory report of that month as it was computed
        byte[] download;
        try (Response r = as(manager, "api/reports/runs/" + id).get()) {
            assertOk(r, "application/json");
            assertEquals(
                    "attachment; filename=\"inventory-" + month + ".json\"", r.getHeaderString("Content-Disposition"));
            download = r.readEntity(byte[].class);
        }
        JsonObject stored = json(download);
        assertEquals(month + "-01", stored.getString("date_from"));
        assertEquals(0, stored.getJsonArray("movements").size(), "nothing moved in " + month);
        // the valuation is the stock when it ran: the live report says the same while nothing moves
        JsonObject live;
        try (Response r = as(
                        manager,
                        "api/reports/inventory",
                        "date_from",
                        month + "-01",
                        "date_to",
                        YearMonth.parse(month).atEndOfMonth(),
                        "limit",
                        1000)
                .get()) {
            live = body(r);
        }
        assertEquals(
                live.getJsonArray("totals").getJsonObject(0).getJsonNumber("parts"),
                stored.getJsonArray("totals").getJsonObject(0).getJsonNumber("parts"));
        try (Response r =
                as(manager, "api/reports/runs/" + id, "format", "json").get()) {
            assertArrayEquals(download, r.readEntity(byte[].class));
        }
        JsonObject procurement;
        try (Response r = as(manager, "api/reports/runs/" + runs.get(1).getJsonNumber("id"))
                .get()) {
            assertEquals(200, r.getStatus());
            assertEquals(
                    "attachment; filename=\"purchase-orders-" + month + ".json\"",
                    r.getHeaderString("Content-Disposition"));
            procurement = body(r);
        }
        assertEquals(7, procurement.getJsonArray("by_status").size());
        assertEquals(0, procurement.getJsonArray("totals").getJsonObject(0).getInt("purchase_orders"));

        // mailed to each manager with both reports attached
        MimeMessage mail = awaitMail(email, "Monthly reports " + month);
        Map<String, byte[]> files = attachments(mail);
        assertEquals(
                java.util.Set.of(
                        "inventory-" + month + ".json",
                        "purchase-orders-" + month + ".json",
                        "inventory-" + month + ".pdf",
                        "purchase-orders-" + month + ".pdf"),
                files.keySet());
        ReportFiles.assertSame(
                stored, ReportFiles.sections("inventory"), "pdf", files.get("inventory-" + month + ".pdf"));
        assertArrayEquals(download, files.get("inventory-" + month + ".json"), "the attachment is the stored run");
        assertEquals(
                month + "-01",
                json(files.get("purchase-orders-" + month + ".json")).getString("date_from"));
        // and told in the API
        try (Response r = as(managerToken, "api/notifications", "type", "REPORT_READY", "per_page", 100)
                .get()) {
            assertTrue(body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .anyMatch(n -> n.getString("title").equals("Monthly reports " + month)));
        }
        // the second trigger mailed no one
        Thread.sleep(3_000);
        assertEquals(1, received(email, "Monthly reports " + month).size(), "one mail per manager and month");
    }

    @Test
    void concurrentTriggersOfOneMonthStoreItOnce() throws Exception {
        Client client = Api.parallelClient(4);
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                String month = randomMonth();
                List<Integer> statuses = Concurrently.run(4, i -> {
                    try (Response r = client.target(Api.BASE)
                            .path("api/reports/runs")
                            .queryParam("month", month)
                            .request()
                            .header("Authorization", "Bearer " + admin)
                            .post(null)) {
                        return r.getStatus() == 200
                                        && json(r.readEntity(byte[].class)).getBoolean("created")
                                ? 201
                                : r.getStatus();
                    }
                });
                assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 200 || s == 409), statuses::toString);
                if (statuses.stream().allMatch(s -> s == 200)) {
                    continue; // a month an earlier run of the suite stored: try another
                }
                assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "stored by one: " + statuses);
                stored(month);
                JsonObject after = trigger(admin, month, 200);
                assertFalse(after.getBoolean("created"));
                assertEquals(2, after.getJsonArray("runs").size());
                return;
            }
            throw new AssertionError("no month without runs found");
        } finally {
            client.close();
        }
    }

    /** CSV, XLSX and PDF: the stored report's sections, parsed back and compared with its JSON. */
    @Test
    void aRunDownloadsInEveryFormatAsItsJsonSays() throws Exception {
        JsonObject month = freshMonth();
        for (JsonObject run : month.getJsonArray("runs").getValuesAs(JsonObject.class)) {
            String kind = run.getString("kind");
            String file = kind.replace('_', '-') + "-" + month.getString("month");
            JsonObject stored;
            try (Response r =
                    as(manager, "api/reports/runs/" + run.getJsonNumber("id")).get()) {
                stored = body(r);
            }
            for (String format : List.of("csv", "xlsx", "pdf")) {
                try (Response r = as(manager, "api/reports/runs/" + run.getJsonNumber("id"), "format", format)
                        .get()) {
                    assertEquals(200, r.getStatus(), () -> r.readEntity(String.class));
                    assertEquals(
                            "attachment; filename=\"" + file + "." + format + "\"",
                            r.getHeaderString("Content-Disposition"));
                    ReportFiles.assertSame(stored, ReportFiles.sections(kind), format, r.readEntity(byte[].class));
                }
            }
            // by Accept when format= does not say; format= wins
            try (Response r = as(manager, "api/reports/runs/" + run.getJsonNumber("id"))
                    .header("Accept", "text/csv")
                    .get()) {
                assertOk(r, "text/csv");
                assertTrue(r.getHeaderString("Content-Disposition").endsWith(".csv\""));
                r.readEntity(String.class);
            }
            try (Response r = as(manager, "api/reports/runs/" + run.getJsonNumber("id"), "format", "json")
                    .header("Accept", "application/pdf")
                    .get()) {
                assertEquals(stored, body(r));
            }
        }
    }

    @Test
    void anUnknownFormatIsNotAcceptableListingTheSupportedOnes() {
        long id = freshMonth()
                .getJsonArray("runs")
                .getJsonObject(1)
                .getJsonNumber("id")
                .longValue();
        ReportFiles.assertUnsupportedFormat(
                as(manager, "api/reports/runs/" + id, "format", "docx").get());
        assertRefused(
                as(manager, "api/reports/runs/" + id)
                        .header("Accept", "image/png")
                        .get(),
                406,
                "NOT_ACCEPTABLE");
        assertRefused(
                as(Api.tokenFor("user"), "api/reports/runs/" + id, "format", "csv")
                        .get(),
                403,
                "FORBIDDEN");
        assertRefused(as(manager, "api/reports/runs/999999999").get(), 404, "NOT_FOUND");
    }

    @Test
    void onlyAdminsTriggerAndOnlyWholePastMonths() {
        String month = "1900-01";
        for (String role : List.of("manager", "user", "customer", "mechanic")) {
            assertRefused(
                    as(Api.tokenFor(role), "api/reports/runs", "month", month).post(null), 403, "FORBIDDEN");
        }
        try (Response r = anonymous("api/reports/runs").post(null)) {
            assertEquals(401, r.getStatus());
        }
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (String bad : List.of(
                "", current.toString(), current.plusMonths(1).toString(), "1899-12", "2020-1", "2020-13", "soon")) {
            try (Response r = as(admin, "api/reports/runs", "month", bad).post(null)) {
                JsonObject problem = assertProblem(r, 400, "INVALID_PARAMETER");
                assertEquals(
                        "month", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            }
        }
        for (String role : List.of("user", "customer", "mechanic")) {
            assertRefused(as(Api.tokenFor(role), "api/reports/runs/1").get(), 403, "FORBIDDEN");
        }
        try (Response r = anonymous("api/reports/runs/1").get()) {
            assertEquals(401, r.getStatus());
        }
        assertProblemForKind();
    }

    private void assertProblemForKind() {
        assertRefused(as(manager, "api/reports/runs", "kind", "sales").get(), 400, "INVALID_PARAMETER");
    }

    // ---- helpers ----

    /** Triggers months of long ago until one had no runs yet; returns its answer. */
    private JsonObject freshMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonObject answer = trigger(admin, randomMonth(), 200);
            if (answer.getBoolean("created")) {
                stored(answer.getString("month"));
                return answer;
            }
        }
        throw new AssertionError("no month without runs found");
    }

    /** Remembers a stored month with the number of accounts its mails go to. */
    private static void stored(String month) {
        long recipients = 0;
        for (String role : List.of("manager", "admin", "super_admin")) {
            try (Response r = as(Api.adminToken(), "api/auth/users", "role", role, "active", true)
                    .get()) {
                assertEquals(200, r.getStatus());
                recipients += body(r).getJsonObject("pagination")
                        .getJsonNumber("total")
                        .longValue();
            }
        }
        RECIPIENTS.put(month, recipients);
    }

    private static String randomMonth() {
        return YearMonth.of(1900, 1).plusMonths(MONTHS.nextInt(120 * 12)).toString();
    }

    private static JsonObject trigger(String token, String month, int status) {
        try (Response r = as(token, "api/reports/runs", "month", month).post(null)) {
            assertEquals(status, r.getStatus());
            return body(r);
        }
    }

    private static List<Long> ids(JsonObject answer) {
        return answer.getJsonArray("runs").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("id").longValue())
                .toList();
    }

    private static JsonObject json(byte[] bytes) {
        try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        }
    }

    private static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
        assertTrue(mail.getContent() instanceof Multipart, "a multipart mail");
        Multipart parts = (Multipart) mail.getContent();
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertTrue(
                        part.getContentType()
                                .startsWith(
                                        part.getFileName().endsWith(".pdf") ? "application/pdf" : "application/json"),
                        part.getContentType());
                try (InputStream in = part.getInputStream()) {
                    files.put(part.getFileName(), in.readAllBytes());
                }
            } else {
                assertTrue(String.valueOf(part.getContent()).contains("are ready"), "the text comes first");
            }
        }
        return files;
    }

    private static List<MimeMessage> received(String to, String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject.equals(m.getSubject())) {
                for (var address : m.getRecipients(Message.RecipientType.TO)) {
                    if (to == null || address.toString().equals(to)) {
                        found.add(m);
                    }
                }
            }
        }
        return found;
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = received(to, subject);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + to + " about " + subject + " within " + MAIL_WAIT.toSeconds() + " s");
    }
}
