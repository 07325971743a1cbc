package it.io.factoryops.support;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.json;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Role matrices: which calls a role may not make (403 FORBIDDEN) and that none may be made without a token (401
 * UNAUTHORIZED). A {@link Call} is one request: a method, a path and, for POST and PUT, a body.
 */
public final class Access {

    private Access() {}

    /** One request of a role matrix. */
    public record Call(String method, String path, JsonObject body) {

        public static Call get(String path) {
            return new Call("GET", path, null);
        }

        public static Call post(String path, JsonObject body) {
            return new Call("POST", path, body);
        }

        public static Call put(String path, JsonObject body) {
            return new Call("PUT", path, body);
        }

        public static Call delete(String path) {
            return new Call("DELETE", path, null);
        }

        /** Sends it with {@code token} (null: no token); the caller closes the answer. */
        public Response send(String token) {
            Invocation.Builder request = token == null ? anonymous(path) : as(token, path);
            return body == null ? request.method(method) : request.method(method, json(body));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Each of {@code roles} (a token for each) is refused each call with 403 FORBIDDEN. */
    public static void assertForbidden(List<String> roles, Call... calls) {
        for (String role : roles) {
            String token = Api.tokenFor(role);
            for (Call call : calls) {
                try (Response r = call.send(token)) {
                    assertProblem(r, 403, "FORBIDDEN");
                }
            }
        }
    }

    /** Each call without a token is refused with 401 UNAUTHORIZED. */
    public static void assertUnauthorized(Call... calls) {
        for (Call call : calls) {
            try (Response r = call.send(null)) {
                assertProblem(r, 401, "UNAUTHORIZED");
            }
        }
    }

    /** Each path is read (GET) by {@code reader} with 200, refused to user, mechanic and customer, and to nobody. */
    public static void assertOnlyStaffRead(String reader, String... paths) {
        for (String path : paths) {
            assertForbidden(List.of("user", "mechanic", "customer"), Call.get(path));
            assertUnauthorized(Call.get(path));
            try (Response r = as(reader, path).get()) {
                org.junit.jupiter.api.Assertions.assertEquals(200, r.getStatus(), path);
            }
        }
    }
}
