package it.io.factoryops;

import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The REST resources are application-scoped: one instance serves every request, and what a request
 * carries (its caller, its query, its headers) reaches it through per-request proxies. Many requests of
 * different callers at once must each see their own, never a neighbour's: an attacker's request running
 * beside an admin's must not borrow the admin's identity.
 */
class RequestIsolationIT {

    record Caller(String token, String username, String role) {}

    @Test
    void concurrentCallersEachSeeThemselves() throws Exception {
        List<Caller> callers = List.of(caller("user"), caller("mechanic"), caller("user"), caller("manager"));
        Client client = Api.parallelClient(16);
        try {
            List<String> mismatches = Concurrently.run(400, i -> {
                Caller caller = callers.get(i % callers.size());
                try (Response r = client.target(Api.BASE)
                        .path("api/auth/me")
                        .request()
                        .header("Authorization", "Bearer " + caller.token())
                        .get()) {
                    assertEquals(200, r.getStatus());
                    JsonObject me = body(r);
                    String seen = me.getString("username") + "/" + me.getString("role");
                    return seen.equals(caller.username() + "/" + caller.role())
                            ? null
                            : caller.username() + " saw " + seen;
                }
            });
            assertTrue(mismatches.stream().allMatch(m -> m == null), mismatches.toString());
        } finally {
            client.close();
        }
    }

    @Test
    void concurrentPagesEachAnswerTheirOwnQuery() throws Exception {
        String token = Api.tokenFor("user");
        Client client = Api.parallelClient(16);
        try {
            List<String> mismatches = Concurrently.run(300, i -> {
                int perPage = 1 + i % 7;
                int page = 1 + i % 3;
                try (Response r = client.target(Api.BASE)
                        .path("api/products")
                        .queryParam("page", page)
                        .queryParam("per_page", perPage)
                        .request()
                        .header("Authorization", "Bearer " + token)
                        .header("X-Request-Id", "isolation-" + i)
                        .get()) {
                    assertEquals(200, r.getStatus());
                    JsonObject pagination = body(r).getJsonObject("pagination");
                    String expected = page + "/" + perPage + "/isolation-" + i;
                    String seen = pagination.getInt("page") + "/" + pagination.getInt("per_page") + "/"
                            + r.getHeaderString("X-Request-Id");
                    return expected.equals(seen) ? null : "asked " + expected + ", answered " + seen;
                }
            });
            assertTrue(mismatches.stream().allMatch(m -> m == null), mismatches.toString());
        } finally {
            client.close();
        }
    }

    /** The injected token (@Inject JsonWebToken, a request-scoped proxy) names each order's own author. */
    @Test
    void concurrentOrdersEachRecordTheirOwnAuthor() throws Exception {
        List<Caller> callers = List.of(caller("user"), caller("user"), caller("manager"));
        JsonObject order = Fixtures.orderBody(Fixtures.customer(), Fixtures.product("3.00", 1000), 1);
        List<String> mismatches = Concurrently.run(60, i -> {
            Caller caller = callers.get(i % callers.size());
            try (Response r = Api.as(caller.token(), "api/orders").post(Api.json(order))) {
                assertEquals(201, r.getStatus());
                String author = body(r).getString("created_by");
                return author.equals(caller.username()) ? null : caller.username() + " placed an order of " + author;
            }
        });
        assertTrue(mismatches.stream().allMatch(m -> m == null), mismatches.toString());
    }

    private static Caller caller(String role) {
        String username = Api.createUser(role);
        return new Caller(Api.login(username, Api.PASSWORD).getString("access_token"), username, role);
    }
}
