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
        long start = System.nanoTime();
        for (int i = 0; i < 2000 && limited == null; i++) {
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
        double seconds = (System.nanoTime() - start) / 1e9;
        assertNotNull(limited, "no 429 after 2000 requests in " + seconds + " s");
        // 600 at once, then the bucket refills 10 a second while the loop runs (seconds on a busy machine)
        int refilled = (int) Math.ceil(seconds * 10);
        int allowed = ok;
        assertTrue(ok >= 600 && ok <= 600 + refilled + 1, () -> "allowed " + allowed + " in " + seconds + " s");
        assertTrue(Long.parseLong(limited.getHeaderString("Retry-After")) >= 1);
        assertEquals("0", limited.getHeaderString("RateLimit-Remaining"));
        assertProblem(limited, 429, "RATE_LIMITED");

        // another principal is not affected
        try (Response r = as(Api.tokenFor("mechanic"), "api/roles").get()) {
            assertEquals(200, r.getStatus());
        }
    }
}
