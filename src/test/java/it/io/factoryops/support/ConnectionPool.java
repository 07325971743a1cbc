package it.io.factoryops.support;

import static it.io.factoryops.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

/**
 * The application's connection pool ({@code jdbc/factory}) as the test server's /metrics shows it: the
 * connections that are not free (Liberty's gauges: {@code connectionpool_managedConnections} less
 * {@code connectionpool_freeConnections}). Not {@code connectionpool_connectionHandles}: within a transaction
 * EclipseLink closes its handle after each query, while the connection stays enlisted in the transaction, out
 * of the free pool, until it ends.
 */
public final class ConnectionPool {

    private ConnectionPool() {}

    /** The connections held now: one reading. */
    public static long held() {
        try (Response r = anonymous("metrics").header("Accept", "text/plain").get()) {
            assertEquals(200, r.getStatus());
            String text = r.readEntity(String.class);
            return gauge(text, "connectionpool_managedConnections") - gauge(text, "connectionpool_freeConnections");
        }
    }

    /** The least of ten readings, 100 ms apart: what stays held, not what a request beside holds a moment. */
    public static long leastHeld() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            least = Math.min(least, held());
            Thread.sleep(100);
        }
        return least;
    }

    /** The value of a pool gauge of {@code jdbc/factory} in the text of /metrics. */
    private static long gauge(String metrics, String name) {
        String line = metrics.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("factory"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + ": "
                        + metrics.lines()
                                .filter(l -> l.startsWith("connectionpool"))
                                .toList()));
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
