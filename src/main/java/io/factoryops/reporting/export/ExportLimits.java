package io.factoryops.reporting.export;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many exports run at once on this server: at most {@code factory.export.max-concurrent-per-principal}
 * of one principal and {@code factory.export.max-concurrent} in all. One more is 429
 * {@code EXPORT_LIMIT_REACHED} with {@code Retry-After}, before anything is read. A slot is taken when the
 * export is answered and given back when its body ends, however it ends (written, cut, the client gone), or
 * when the request ends without its body being written ({@link ExportSlotRelease}).
 *
 * <p>Counted per server, in memory: what the caps protect (request threads, the heap of a chunk per export,
 * the pool's connections while a chunk is read) is each server's own.
 */
@ApplicationScoped
public class ExportLimits {

    @Inject
    @ConfigProperty(name = "factory.export.max-concurrent-per-principal", defaultValue = "2")
    int perPrincipal;

    @Inject
    @ConfigProperty(name = "factory.export.max-concurrent", defaultValue = "8")
    int inAll;

    @Inject
    @ConfigProperty(name = "factory.export.retry-after-seconds", defaultValue = "10")
    int retryAfterSeconds;

    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, AtomicInteger> byPrincipal = new ConcurrentHashMap<>();

    /** A running export's place; {@link #close} gives it back (once, however often it is called). */
    public final class Slot implements AutoCloseable {

        private final String principal;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot(String principal) {
            this.principal = principal;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                running.decrementAndGet();
                byPrincipal.computeIfPresent(principal, (p, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    /** A slot for an export of {@code principal}, or 429 {@code EXPORT_LIMIT_REACHED}. */
    Slot acquire(String principal) {
        boolean[] mine = {false};
        byPrincipal.compute(principal, (p, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < perPrincipal) {
                count.incrementAndGet();
                mine[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!mine[0]) {
            throw limitReached("You have " + perPrincipal + " exports running (factory.export.max-concurrent-"
                    + "per-principal); wait for one to end");
        }
        if (running.incrementAndGet() > inAll) {
            running.decrementAndGet();
            byPrincipal.computeIfPresent(principal, (p, n) -> n.decrementAndGet() <= 0 ? null : n);
            throw limitReached(inAll + " exports are running on this server (factory.export.max-concurrent); "
                    + "try again later");
        }
        return new Slot(principal);
    }

    private ApiException limitReached(String detail) {
        return ApiException.retryLater(ErrorCode.EXPORT_LIMIT_REACHED, detail, Integer.toString(retryAfterSeconds));
    }
}
