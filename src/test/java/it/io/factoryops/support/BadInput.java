package it.io.factoryops.support;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;

/**
 * A body the API must refuse with 400: the problem's {@code code} ({@code VALIDATION_FAILED} or
 * {@code MALFORMED_JSON}) and the {@code field} its first error names.
 */
public record BadInput(JsonObject body, String field, String code) {

    public static BadInput invalid(JsonObject body, String field) {
        return new BadInput(body, field, "VALIDATION_FAILED");
    }

    public static BadInput malformed(JsonObject body, String field) {
        return new BadInput(body, field, "MALFORMED_JSON");
    }

    /** POSTs each body to {@code path} as {@code token}; asserts each is refused as it says. */
    public static void assertPostsRefused(String token, String path, BadInput... cases) {
        assertRefused(token, path, (request, body) -> request.post(body), cases);
    }

    /** PUTs each body to {@code path} as {@code token}; asserts each is refused as it says. */
    public static void assertPutsRefused(String token, String path, BadInput... cases) {
        assertRefused(token, path, (request, body) -> request.put(body), cases);
    }

    private static void assertRefused(
            String token,
            String path,
            BiFunction<jakarta.ws.rs.client.Invocation.Builder, Entity<String>, Response> send,
            BadInput... cases) {
        for (BadInput c : cases) {
            try (Response r = send.apply(as(token, path), json(c.body()))) {
                JsonObject problem = assertProblem(r, 400, c.code());
                assertEquals(
                        c.field(),
                        problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                        c.body().toString());
            }
        }
    }
}
