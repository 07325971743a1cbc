package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.OpenApiContract;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.jboss.resteasy.client.jaxrs.engines.ApacheHttpClient43Engine;
import org.junit.jupiter.api.Test;

/** Customers register, sign in, open their own service tickets and see only those. */
class CustomerSelfServiceIT {

    @Test
    void registerLogInOpenAndFollowOwnTickets() {
        String email = Api.uniqueEmail("self");
        long customer = register(email);
        String token = login(email);
        try (Response r = as(token, "api/auth/me").get()) {
            JsonObject me = body(r);
            assertEquals("customer", me.getString("role"));
            assertEquals(customer, me.getJsonNumber("customer_id").longValue());
        }
        long ticket;
        try (Response r = as(token, "api/service-tickets").post(json("{\"description\":\"Engine knocks\","
                + "\"vin\":\"1HGCM82633A004352\"}"))) {
            assertEquals(201, r.getStatus());
            JsonObject created = body(r);
            assertEquals(customer, created.getJsonNumber("customer_id").longValue());
            ticket = created.getJsonNumber("id").longValue();
        }
        try (Response r = as(token, "api/customers/my-tickets", "status", "open").get()) {
            JsonObject page = body(r);
            assertEquals(200, r.getStatus());
            assertEquals(1, page.getJsonObject("pagination").getInt("total"));
            assertEquals(ticket, page.getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue());
        }
        // another customer sees none of it, and cannot open a ticket for this one
        String otherEmail = Api.uniqueEmail("self");
        register(otherEmail);
        String other = login(otherEmail);
        try (Response r = as(other, "api/customers/my-tickets").get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(other, "api/service-tickets").post(json("{\"customer_id\":" + customer
                + ",\"description\":\"Not mine\"}"))) {
            assertEquals("customer_id", assertProblem(r, 404, "NOT_FOUND").getJsonArray("errors").getJsonObject(0)
                    .getString("field"));
        }
        // staff routes stay closed to customers
        try (Response r = as(token, "api/service-tickets/" + ticket).get()) {
            assertProblem(r, 403, "FORBIDDEN");
        }
        // the manager sees it among all tickets
        try (Response r = as(Api.tokenFor("manager"), "api/service-tickets/" + ticket).get()) {
            assertEquals(200, r.getStatus());
        }
    }

    @Test
    void aTakenEmailIsOneConflictAndOnlyCustomersLogInHere() {
        String email = Api.uniqueEmail("self");
        register(email);
        try (Response r = anonymous("api/customers/register").post(json(registration(email, Api.PASSWORD)))) {
            assertProblem(r, 409, "CONFLICT");
        }
        // an email held by a staff account only: the same answer
        String staff = Api.createUser("user");
        try (Response r = anonymous("api/customers/register").post(json(registration(staff + "@it.example",
                Api.PASSWORD)))) {
            assertProblem(r, 409, "CONFLICT");
        }
        try (Response r = anonymous("api/customers/login").post(json("{\"username\":\"" + staff
                + "\",\"password\":\"" + Api.PASSWORD + "\"}"))) {
            assertProblem(r, 401, "INVALID_CREDENTIALS");
        }
        try (Response r = anonymous("api/customers/register").post(json(registration(Api.uniqueEmail("weak"),
                "short")))) {
            assertProblem(r, 400, "WEAK_PASSWORD");
        }
        try (Response r = anonymous("api/customers/register").post(json("{\"name\":\"X\"}"))) {
            assertProblem(r, 400, "VALIDATION_FAILED");
        }
        for (String role : new String[] {"user", "manager", "mechanic"}) {
            try (Response r = as(Api.tokenFor(role), "api/customers/my-tickets").get()) {
                assertProblem(r, 403, "FORBIDDEN");
            }
        }
        try (Response r = anonymous("api/customers/my-tickets").get()) {
            assertEquals(401, r.getStatus());
        }
        // a customer account linked to no customer record has no tickets and may open none
        String unlinked = Api.tokenFor("customer");
        try (Response r = as(unlinked, "api/customers/my-tickets").get()) {
            assertEquals(0, body(r).getJsonObject("pagination").getInt("total"));
        }
        try (Response r = as(unlinked, "api/service-tickets").post(json("{\"description\":\"x\"}"))) {
            assertProblem(r, 403, "FORBIDDEN");
        }
    }

    /**
     * Registration is rate limited like a login: 10 a minute per client address on the test server (the
     * default factory.rate-limit.login-per-minute), then 429 with Retry-After and RateLimit-* headers. The
     * requests come from an address of their own in the loopback range (127.0.x.y), so that this test and the
     * other registrations of the suite, all from 127.0.0.1, do not use up each other's bucket.
     */
    @Test
    void registrationIsRateLimitedPerAddressLikeALogin() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, (byte) random.nextInt(1, 250),
                (byte) random.nextInt(2, 250)});
        Client client = OpenApiContract.register(((ResteasyClientBuilder) ClientBuilder.newBuilder())
                .httpEngine(new ApacheHttpClient43Engine(HttpClientBuilder.create().setDefaultRequestConfig(
                        RequestConfig.custom().setLocalAddress(address).build()).build(), true))
                .build(), Api.BASE);
        try {
            Response limited = null;
            int created = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 30 && limited == null; i++) {
                Response r = client.target(Api.BASE).path("api/customers/register").request()
                        .post(json(registration(Api.uniqueEmail("flood"), Api.PASSWORD)));
                if (r.getStatus() == 429) {
                    limited = r;
                } else {
                    assertEquals(201, r.getStatus());
                    r.close();
                    created++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertNotNull(limited, "no 429 after 30 registrations from one address");
            // 10 at once, then one more every 6 s while the loop runs
            int refilled = (int) Math.ceil(seconds / 6);
            int allowed = created;
            assertTrue(created >= 10 && created <= 10 + refilled, () -> allowed + " registrations in " + seconds + " s");
            assertTrue(Long.parseLong(limited.getHeaderString("Retry-After")) >= 1);
            assertEquals("10", limited.getHeaderString("RateLimit-Limit"));
            assertEquals("0", limited.getHeaderString("RateLimit-Remaining"));
            assertNotNull(limited.getHeaderString("RateLimit-Reset"));
            assertProblem(limited, 429, "RATE_LIMITED");
            // the limit is the address's: a registration from 127.0.0.1 still goes through
            register(Api.uniqueEmail("self"));
        } finally {
            client.close();
        }
    }

    private static long register(String email) {
        try (Response r = anonymous("api/customers/register").post(json(registration(email, Api.PASSWORD)))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    private static String login(String email) {
        try (Response r = anonymous("api/customers/login").post(json("{\"email\":\"" + email + "\",\"password\":\""
                + Api.PASSWORD + "\"}"))) {
            assertEquals(200, r.getStatus());
            return body(r).getString("access_token");
        }
    }

    private static String registration(String email, String password) {
        return "{\"name\":\"Self Service\",\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"phone\":\"+1 555 0100\",\"address\":\"3 Elm Street\"}";
    }
}
