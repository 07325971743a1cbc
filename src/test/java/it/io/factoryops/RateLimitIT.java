package it.io.factoryops;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Concurrently;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-principal limit (600 per minute on the test server, set through
 * factory.rate-limit.authenticated-per-minute) answers 429 with Retry-After and RateLimit-* headers,
 * and only for the principal that exceeded it. One server: its own requests are always in its count, so
 * not one request passes the limit (on MySQL/MariaDB too, where the bucket is written every few requests).
 */
class RateLimitIT {

    /** What one answer said. */
    record Answer(int status, String limit, String remaining, String retryAfter) {}

    @Test
    void aPrincipalOverItsLimitGets429WithHeaders() throws Exception {
        String token = Api.login(Api.createUser("user"), Api.PASSWORD).getString("access_token");
        Client client = Api.parallelClient(16);
        long start = System.nanoTime();
        // 16 at a time, so that the requests outrun the refill (10 a second) even on a busy machine
        List<Answer> answers;
        try {
            answers = Concurrently.run(1500, i -> {
                try (Response r = client.target(Api.BASE)
                        .path("api/roles")
                        .request()
                        .header("Authorization", "Bearer " + token)
                        .get()) {
                    if (r.getStatus() == 429) {
                        assertProblem(r, 429, "RATE_LIMITED");
                    } else {
                        assertEquals(200, r.getStatus());
                    }
                    return new Answer(
                            r.getStatus(),
                            r.getHeaderString("RateLimit-Limit"),
                            r.getHeaderString("RateLimit-Remaining"),
                            r.getHeaderString("Retry-After"));
                }
            });
        } finally {
            client.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = answers.stream().filter(a -> a.status() == 200).count();
        Answer limited =
                answers.stream().filter(a -> a.status() == 429).findFirst().orElse(null);
        assertNotNull(limited, "no 429 after 1500 requests in " + seconds + " s");
        answers.forEach(a -> assertEquals("600", a.limit()));
        answers.stream().filter(a -> a.status() == 200).forEach(a -> assertNotNull(a.remaining()));
        // 600 at once, then the bucket refills 10 a second while the requests run (seconds on a busy machine)
        int refilled = (int) Math.ceil(seconds * 10);
        assertTrue(ok >= 600 && ok <= 600 + refilled + 1, () -> "allowed " + ok + " in " + seconds + " s");
        assertTrue(Long.parseLong(limited.retryAfter()) >= 1);
        assertEquals("0", limited.remaining());

        // another principal is not affected
        try (Response r = as(Api.tokenFor("mechanic"), "api/roles").get()) {
            assertEquals(200, r.getStatus());
        }
    }
}
