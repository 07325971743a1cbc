package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The per-principal limit (600 per minute on the test server, set through
 * factory.rate-limit.authenticated-per-minute) answers 429 with Retry-After and RateLimit-* headers,
 * and only for the principal that exceeded it.
 */
class RateLimitIT {

    @Test
    void aPrincipalOverItsLimitGets429WithHeaders() {
        String token = Api.login(Api.createUser("user"), Api.PASSWORD).getString("access_token");
        Response limited = null;
        int ok = 0;
        for (int i = 0; i < 700 && limited == null; i++) {
            Response r = as(token, "api/roles").get();
            if (r.getStatus() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.getStatus());
                assertEquals("600", r.getHeaderString("RateLimit-Limit"));
                assertNotNull(r.getHeaderString("RateLimit-Remaining"));
                ok++;
                r.close();
            }
        }
        assertNotNull(limited, "no 429 after 700 requests");
        assertTrue(ok >= 600 && ok < 700, "allowed " + ok);
        assertTrue(Long.parseLong(limited.getHeaderString("Retry-After")) >= 1);
        assertEquals("0", limited.getHeaderString("RateLimit-Remaining"));
        assertProblem(limited, 429, "RATE_LIMITED");

        // another principal is not affected
        try (Response r = as(Api.tokenFor("mechanic"), "api/roles").get()) {
            assertEquals(200, r.getStatus());
        }
    }
}
