package it.io.factoryops.support;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Waiting for a Liberty server's application to start: the suite's server, a cluster node, a server of its own. */
public final class Health {

    private Health() {}

    /** Whether the application at {@code base} answers /health/started with 200 within {@code timeout}. */
    public static boolean started(Client client, String base, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Response r =
                    client.target(base).path("health/started").request().get()) {
                if (r.getStatus() == 200) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }
}
