package it.io.factoryops.support;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** Query parameters a list or report must refuse: each GET with one of them is 400 INVALID_PARAMETER. */
public final class BadQuery {

    private BadQuery() {}

    /** GETs {@code path} as {@code token} once per name and value (name, value, name, value, …): each refused. */
    public static void assertQueriesRefused(String token, String path, String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            try (Response r =
                    as(token, path, namesAndValues[i], namesAndValues[i + 1]).get()) {
                assertProblem(r, 400, "INVALID_PARAMETER");
            }
        }
    }

    /** {@link #assertQueriesRefused}, each problem naming its parameter as the field of its first error. */
    public static void assertQueriesRefusedNaming(String token, String path, String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            try (Response r =
                    as(token, path, namesAndValues[i], namesAndValues[i + 1]).get()) {
                JsonObject problem = assertProblem(r, 400, "INVALID_PARAMETER");
                assertEquals(
                        namesAndValues[i],
                        problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                        () -> path + " " + problem);
            }
        }
    }
}
