package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.factoryops.support.Api;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
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
