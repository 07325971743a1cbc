package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * Customers register, confirm by mail (GreenMail on the test server's mail port), sign in, open their own
 * service tickets and see only those. The registration tells nobody whether an address has an account: the
 * same 202 and body for a free address and a taken one (customer or staff), a mail to the address either way,
 * and nothing exists before the confirmation.
 */
class CustomerSelfServiceIT {

    private static final String OTHER_PASSWORD = "Another-Passw0rd-77";
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
    void registerConfirmLogInOpenAndFollowOwnTickets() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            String email = Api.uniqueEmail("self");
            self.register("Self Service", email);
            // nothing exists before the confirmation: no login, no customer
            assertRefused(self.login(email, Api.PASSWORD), 401, "INVALID_CREDENTIALS");
            assertEquals(0, customersWithEmail(email));
            long customer;
            try (Response r = self.confirm(SelfService.token(mailbox, email, 1), Api.PASSWORD)) {
                assertEquals(201, r.getStatus());
                assertNotNull(r.getLocation());
                JsonObject created = body(r);
                assertEquals(email, created.getString("email"));
                assertEquals("Self Service", created.getString("name"));
                customer = created.getJsonNumber("id").longValue();
            }
            String token = self.token(email, Api.PASSWORD);
            try (Response r = as(token, "api/auth/me").get()) {
                JsonObject me = body(r);
                assertEquals("customer", me.getString("role"));
                assertEquals(customer, me.getJsonNumber("customer_id").longValue());
            }
            long ticket;
            try (Response r = as(token, "api/service-tickets")
                    .post(json(object("description", "Engine knocks", "vin", "1HGCM82633A004352")))) {
                assertEquals(201, r.getStatus());
                JsonObject created = body(r);
                assertEquals(customer, created.getJsonNumber("customer_id").longValue());
                ticket = created.getJsonNumber("id").longValue();
            }
            try (Response r =
                    as(token, "api/customers/my-tickets", "status", "open").get()) {
                JsonObject page = body(r);
                assertEquals(200, r.getStatus());
                assertEquals(1, page.getJsonObject("pagination").getInt("total"));
                assertEquals(
                        ticket,
                        page.getJsonArray("data")
                                .getJsonObject(0)
                                .getJsonNumber("id")
                                .longValue());
            }
            // one ticket of one's own, in the customers' view, with an ETag
            String etag;
            try (Response r = as(token, "api/customers/my-tickets/" + ticket).get()) {
                assertEquals(200, r.getStatus());
                etag = r.getHeaderString("ETag");
                assertNotNull(etag);
                JsonObject own = body(r);
                assertEquals(ticket, own.getJsonNumber("id").longValue());
                assertEquals("open", own.getString("status"));
                assertEquals("1HGCM82633A004352", own.getString("vin"));
                for (String internal : new String[] {"created_by", "customer_id", "assignments"}) {
                    assertFalse(own.containsKey(internal), internal + " is not in the customers' view");
                }
            }
            try (Response r = as(token, "api/customers/my-tickets/" + ticket)
                    .header("If-None-Match", etag)
                    .get()) {
                assertEquals(304, r.getStatus());
            }
            // another customer sees none of it: not in the list, and one ticket is 404 as for none at all
            String otherEmail = Api.uniqueEmail("self");
            self.registerAndConfirm(mailbox, "Other Customer", otherEmail);
            String other = self.token(otherEmail, Api.PASSWORD);
            try (Response r = as(other, "api/customers/my-tickets").get()) {
                assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
            }
            JsonObject notMine;
            try (Response r = as(other, "api/customers/my-tickets/" + ticket).get()) {
                notMine = assertProblem(r, 404, "NOT_FOUND");
            }
            try (Response r = as(other, "api/customers/my-tickets/" + (ticket + 1_000_000_000L))
                    .get()) {
                JsonObject none = assertProblem(r, 404, "NOT_FOUND");
                assertEquals(
                        none.getString("detail").replace(Long.toString(ticket + 1_000_000_000L), "#"),
                        notMine.getString("detail").replace(Long.toString(ticket), "#"),
                        "another customer's ticket answers exactly what a missing one does");
            }
            try (Response r = as(other, "api/customers/my-tickets/" + ticket)
                    .header("If-None-Match", etag)
                    .get()) {
                assertProblem(r, 404, "NOT_FOUND"); // the ETag of someone else's ticket reveals nothing either
            }
            try (Response r = as(other, "api/service-tickets")
                    .post(json(object("customer_id", customer, "description", "Not mine")))) {
                assertEquals(
                        "customer_id",
                        assertProblem(r, 404, "NOT_FOUND")
                                .getJsonArray("errors")
                                .getJsonObject(0)
                                .getString("field"));
            }
            // staff routes stay closed to customers
            assertRefused(as(token, "api/service-tickets/" + ticket).get(), 403, "FORBIDDEN");
            // the manager sees it among all tickets
            try (Response r =
                    as(Api.tokenFor("manager"), "api/service-tickets/" + ticket).get()) {
                assertEquals(200, r.getStatus());
            }
        }
    }

    /**
     * The attacker's view: registering a customer's address and a staff member's address answers exactly what a
     * free address answers (status and body), creates nothing, takes over nothing (the owner's password still
     * signs in, no other does), and mails the owner a notice instead of a token; each refusal is an audit row
     * naming the address.
     */
    @Test
    void aTakenAddressAnswersLikeAFreeOneAndCreatesNothing() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            JsonObject free = self.register("Free Address", Api.uniqueEmail("free"));

            String customerEmail = Api.uniqueEmail("taken");
            self.registerAndConfirm(mailbox, "First Owner", customerEmail);
            JsonObject takenByCustomer = self.register("Squatter", customerEmail);
            assertEquals(free, takenByCustomer);

            String staff = Api.createUser("user");
            String staffEmail = staff + "@it.example";
            JsonObject takenByStaff = self.register("Squatter", staffEmail.toUpperCase());
            assertEquals(free, takenByStaff);

            // the owners are told, and get no token
            assertTrue(Mailbox.text(mailbox.await(customerEmail, SelfService.TAKEN_SUBJECT))
                    .contains("already in use"));
            mailbox.await(staffEmail, SelfService.TAKEN_SUBJECT);
            assertEquals(
                    1,
                    mailbox.received(customerEmail, SelfService.CONFIRM_SUBJECT).size());
            assertEquals(
                    0, mailbox.received(staffEmail, SelfService.CONFIRM_SUBJECT).size());

            // nothing was created or taken over
            assertEquals(1, customersWithEmail(customerEmail));
            assertEquals(0, customersWithEmail(staffEmail));
            for (String email : new String[] {customerEmail, staffEmail}) {
                assertRefused(self.login(email, OTHER_PASSWORD), 401, "INVALID_CREDENTIALS");
            }
            self.token(customerEmail, Api.PASSWORD);
            assertFalse(Api.login(staff, Api.PASSWORD).getString("access_token").isEmpty());
            // the staff account does not sign in as a customer either
            assertRefused(self.login(staffEmail, Api.PASSWORD), 401, "INVALID_CREDENTIALS");

            // each refusal is counted against its address
            for (String email : new String[] {customerEmail, staffEmail}) {
                try (Response r = as(
                                Api.adminToken(),
                                "api/audit-logs",
                                "action",
                                "REGISTRATION_REFUSED",
                                "entity_id",
                                email)
                        .get()) {
                    assertEquals(1, body(r).getJsonObject("pagination").getInt("total"), email);
                }
            }

            // what the request itself gets wrong is still said
            assertRefused(
                    self.request("api/customers/register").post(json(object("name", "X"))), 400, "VALIDATION_FAILED");
        }
    }

    /**
     * An unconfirmed registration takes nothing: registering the address again replaces it (the first token no
     * longer works), a token works once, and an unknown token is refused like a used one.
     */
    @Test
    void anUnconfirmedRegistrationIsReplacedAndATokenWorksOnce() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            String email = Api.uniqueEmail("pending");
            self.register("Squatter", email);
            String first = SelfService.token(mailbox, email, 1);
            self.register("Real Owner", email);
            String second = SelfService.token(mailbox, email, 2);
            assertRefused(self.confirm(first, OTHER_PASSWORD), 400, "INVALID_CONFIRMATION_TOKEN");
            try (Response r = self.confirm(second, Api.PASSWORD)) {
                assertEquals(201, r.getStatus());
                assertEquals("Real Owner", body(r).getString("name"));
            }
            assertRefused(self.confirm(second, OTHER_PASSWORD), 400, "INVALID_CONFIRMATION_TOKEN");
            assertRefused(self.confirm("x".repeat(43), OTHER_PASSWORD), 400, "INVALID_CONFIRMATION_TOKEN");
            assertRefused(self.request("api/customers/confirm").post(json(object())), 400, "VALIDATION_FAILED");
            assertRefused(self.login(email, OTHER_PASSWORD), 401, "INVALID_CREDENTIALS");
            self.token(email, Api.PASSWORD);
            assertEquals(1, customersWithEmail(email));
        }
    }

    /**
     * The attack the confirmation closes: an attacker registers the victim's address with a password of the
     * attacker's choosing (the field registrations used to take); the victim gets the mail and confirms. The
     * account the victim's confirmation creates has the password the victim chose then: the attacker's does
     * not sign in, the victim's does. (When the registration carried the password, the victim's click created
     * an account the attacker could sign in to.)
     */
    @Test
    void whoRegistersAnAddressCannotChooseThePasswordOfItsAccount() {
        try (SelfService attacker = SelfService.fromOwnAddress();
                SelfService victim = SelfService.fromOwnAddress()) {
            String email = Api.uniqueEmail("victim");
            JsonObject accepted;
            try (Response r = attacker.request("api/customers/register")
                    .post(json(object("name", "Victim", "email", email, "password", OTHER_PASSWORD)))) {
                // a password sent here is an unknown field, ignored like any other
                assertEquals(202, r.getStatus());
                accepted = body(r);
            }
            assertEquals(accepted, attacker.register("Free Address", Api.uniqueEmail("free")));
            try (Response r = victim.confirm(SelfService.token(mailbox, email, 1), Api.PASSWORD)) {
                assertEquals(201, r.getStatus());
            }
            for (SelfService client : new SelfService[] {attacker, victim}) {
                assertRefused(client.login(email, OTHER_PASSWORD), 401, "INVALID_CREDENTIALS");
            }
            victim.token(email, Api.PASSWORD);
        }
    }

    /**
     * The confirmation needs the password, under the policy of every account: without one it is 400
     * VALIDATION_FAILED, a weak one 400 WEAK_PASSWORD, each naming the field; neither uses the token up nor
     * creates anything, and the same token then confirms with a good password.
     */
    @Test
    void theConfirmationSetsAPasswordThatMeetsThePolicy() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            String email = Api.uniqueEmail("confirm");
            self.register("Careful Owner", email);
            String token = SelfService.token(mailbox, email, 1);
            try (Response r = self.request("api/customers/confirm").post(json(object("token", token)))) {
                assertEquals(
                        "password",
                        assertProblem(r, 400, "VALIDATION_FAILED")
                                .getJsonArray("errors")
                                .getJsonObject(0)
                                .getString("field"));
            }
            for (String weak : new String[] {"short1", "onlyletterslongenough", "111111111111a"}) {
                try (Response r = self.confirm(token, weak)) {
                    JsonObject problem = assertProblem(r, 400, "WEAK_PASSWORD");
                    assertFalse(problem.getJsonArray("errors").isEmpty(), weak);
                    problem.getJsonArray("errors")
                            .getValuesAs(JsonObject.class)
                            .forEach(e -> assertEquals("password", e.getString("field"), weak));
                }
            }
            assertEquals(0, customersWithEmail(email));
            try (Response r = self.confirm(token, Api.PASSWORD)) {
                assertEquals(201, r.getStatus());
            }
            self.token(email, Api.PASSWORD);
        }
    }

    /**
     * At most 3 registrations naming one address are acted on per hour (factory.registration.mails-per-address-
     * per-hour): the rest still answer 202 but mail nothing and change nothing, for a free address and a taken
     * one alike.
     */
    @Test
    void mailToOneAddressIsCapped() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            String free = Api.uniqueEmail("flooded");
            String staffEmail = Api.createUser("user") + "@it.example";
            JsonObject first = self.register("Flood", free);
            for (int i = 0; i < 3; i++) {
                assertEquals(first, self.register("Flood", free));
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(first, self.register("Flood", staffEmail));
            }
            // a mail registered after all of them arrives after them (the outbox sends in order)
            String control = Api.uniqueEmail("control");
            self.register("Control", control);
            SelfService.token(mailbox, control, 1);
            mailbox.await(staffEmail, SelfService.TAKEN_SUBJECT, 3);
            String third = SelfService.token(mailbox, free, 3);
            assertEquals(3, mailbox.received(free, SelfService.CONFIRM_SUBJECT).size());
            assertEquals(
                    3, mailbox.received(staffEmail, SelfService.TAKEN_SUBJECT).size());
            // the fourth registration of the free address changed nothing: the third token still works
            try (Response r = self.confirm(third, Api.PASSWORD)) {
                assertEquals(201, r.getStatus());
            }
        }
    }

    /**
     * A customer reads and changes their own contact details (never the email, never another customer's), and
     * hears of every change of state of their tickets: a notification each (and a mail each, even within the
     * minimum mail interval: these are events, not alerts); another customer hears nothing.
     */
    @Test
    void customersKeepTheirDetailsAndHearWhenTheirTicketChangesState() {
        try (SelfService self = SelfService.fromOwnAddress()) {
            String email = Api.uniqueEmail("details");
            long customer = self.registerAndConfirm(mailbox, "Dee Tails", email)
                    .getJsonNumber("id")
                    .longValue();
            String token = self.token(email, Api.PASSWORD);
            String etag;
            try (Response r = as(token, "api/customers/me").get()) {
                JsonObject me = body(r);
                assertEquals(customer, me.getJsonNumber("id").longValue());
                assertEquals("+1 555 0100", me.getString("phone"));
                etag = r.getHeaderString("ETag");
                assertNotNull(etag);
            }
            try (Response r = as(token, "api/customers/me")
                    .header("If-Match", etag)
                    .put(json(object(
                            "name", "Dee Tails-Moved", "address", "9 Oak Lane", "email", "thief@elsewhere.example")))) {
                assertEquals(200, r.getStatus());
                JsonObject changed = body(r);
                assertEquals("Dee Tails-Moved", changed.getString("name"));
                assertEquals("9 Oak Lane", changed.getString("address"));
                assertFalse(
                        changed.containsKey("phone") && !changed.isNull("phone"),
                        "a phone left out is cleared: " + changed);
                assertEquals(email, changed.getString("email"), "the email is the account's, not changed here");
            }
            assertRefused(
                    as(token, "api/customers/me").header("If-Match", etag).put(json(object("name", "Stale"))),
                    412,
                    "VERSION_CONFLICT");
            try (Response r = as(token, "api/customers/me").put(json(object("name", " ", "phone", "call me")))) {
                String text = assertProblem(r, 400, "VALIDATION_FAILED").toString();
                assertTrue(text.contains("\"name\"") && text.contains("\"phone\""), text);
            }
            assertRefused(as(token, "api/customers/" + customer).get(), 403, "FORBIDDEN");
            for (String role : new String[] {"user", "manager", "admin", "mechanic"}) {
                assertRefused(as(Api.tokenFor(role), "api/customers/me").get(), 403, "FORBIDDEN");
            }
            try (Response r = as(Api.tokenFor("customer"), "api/customers/me").get()) {
                assertProblem(r, 404, "NOT_FOUND"); // a customer account linked to no record
            }
            try (Response r =
                    as(Api.tokenFor("admin"), "api/customers/" + customer).get()) {
                assertEquals("Dee Tails-Moved", body(r).getString("name"), "the staff see the change");
            }

            long ticket;
            try (Response r = as(token, "api/service-tickets")
                    .post(json(object("description", "Clutch slips", "make", "Volvo", "model", "FH16")))) {
                ticket = body(r).getJsonNumber("id").longValue();
            }
            String other = Api.tokenFor("customer");
            JsonObject mechanic = Fixtures.mechanic();
            String mechanicToken = Fixtures.mechanicToken(mechanic);
            for (String step : new String[] {"take", "start", "complete"}) {
                try (Response r = as(mechanicToken, "api/service-tickets/" + ticket + "/" + step)
                        .post(null)) {
                    assertEquals(200, r.getStatus(), step);
                }
            }
            try (Response r = as(token, "api/notifications", "type", "TICKET_STATUS_CHANGED")
                    .get()) {
                var told = body(r).getJsonArray("data");
                assertEquals(2, told.size(), "started and completed: " + told);
                JsonObject done = told.getJsonObject(0);
                assertEquals("SERVICE_TICKET", done.getString("reference_type"));
                assertEquals(ticket, done.getJsonNumber("reference_id").longValue());
                assertTrue(
                        done.getString("title").contains("#" + ticket + " (Volvo FH16): completed"), done.toString());
                assertTrue(done.getString("message").contains("is completed. Total "), done.toString());
                assertTrue(told.getJsonObject(1).getString("message").startsWith("Work has started"), told.toString());
            }
            mailbox.await(email, "Service ticket #" + ticket, 2);
            try (Response r = as(other, "api/notifications", "type", "TICKET_STATUS_CHANGED")
                    .get()) {
                assertEquals(0, body(r).getJsonArray("data").size(), "another customer hears nothing");
            }
        }
    }

    @Test
    void onlyCustomersSeeTheirTickets() {
        String staff = Api.createUser("user");
        assertRefused(
                anonymous("api/customers/login").post(json(object("username", staff, "password", Api.PASSWORD))),
                401,
                "INVALID_CREDENTIALS");
        long ticket;
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets")
                .post(json(object("customer_id", Fixtures.customer(), "description", "Brakes squeal")))) {
            assertEquals(201, r.getStatus());
            ticket = body(r).getJsonNumber("id").longValue();
        }
        for (String role : new String[] {"user", "manager", "admin", "mechanic"}) {
            for (String path : new String[] {"api/customers/my-tickets", "api/customers/my-tickets/" + ticket}) {
                assertRefused(as(Api.tokenFor(role), path).get(), 403, "FORBIDDEN");
            }
        }
        try (Response r = anonymous("api/customers/my-tickets").get()) {
            assertEquals(401, r.getStatus());
        }
        try (Response r = anonymous("api/customers/my-tickets/" + ticket).get()) {
            assertEquals(401, r.getStatus());
        }
        // a customer account linked to no customer record has no tickets and may open none
        String unlinked = Api.tokenFor("customer");
        try (Response r = as(unlinked, "api/customers/my-tickets").get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        assertRefused(as(unlinked, "api/customers/my-tickets/" + ticket).get(), 404, "NOT_FOUND");
        assertRefused(as(unlinked, "api/customers/my-tickets/not-a-number").get(), 400, "INVALID_PARAMETER");
        assertRefused(as(unlinked, "api/service-tickets").post(json(object("description", "x"))), 403, "FORBIDDEN");
    }

    /**
     * Registration is rate limited like a login: 10 a minute per client address on the test server (the
     * default factory.rate-limit.login-per-minute), then 429 with Retry-After and RateLimit-* headers. The
     * requests come from an address of their own in the loopback range, so that this test and the other
     * registrations of the suite do not use up each other's bucket.
     */
    @Test
    void registrationIsRateLimitedPerAddressLikeALogin() {
        try (SelfService flood = SelfService.fromOwnAddress();
                SelfService other = SelfService.fromOwnAddress()) {
            Response limited = null;
            int accepted = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 30 && limited == null; i++) {
                Response r = flood.postRegistration("Flood", Api.uniqueEmail("flood"));
                if (r.getStatus() == 429) {
                    limited = r;
                } else {
                    assertEquals(202, r.getStatus());
                    r.close();
                    accepted++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertNotNull(limited, "no 429 after 30 registrations from one address");
            // 10 at once, then one more every 6 s while the loop runs
            int refilled = (int) Math.ceil(seconds / 6);
            int allowed = accepted;
            assertTrue(
                    accepted >= 10 && accepted <= 10 + refilled, () -> allowed + " registrations in " + seconds + " s");
            assertTrue(Long.parseLong(limited.getHeaderString("Retry-After")) >= 1);
            assertEquals("10", limited.getHeaderString("RateLimit-Limit"));
            assertEquals("0", limited.getHeaderString("RateLimit-Remaining"));
            assertNotNull(limited.getHeaderString("RateLimit-Reset"));
            assertProblem(limited, 429, "RATE_LIMITED");
            // the limit is the address's: a registration from another address still goes through
            other.register("Other", Api.uniqueEmail("self"));
        }
    }

    private static int customersWithEmail(String email) {
        try (Response r = as(Api.tokenFor("admin"), "api/customers", "q", email).get()) {
            assertEquals(200, r.getStatus());
            return (int) body(r).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("email").equalsIgnoreCase(email))
                    .count();
        }
    }
}
