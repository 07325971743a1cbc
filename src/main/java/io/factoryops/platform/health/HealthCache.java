package io.factoryops.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The one way a health check that touches the database runs: its answer is remembered for
 * {@code factory.health.cache-millis} (1000), and one lock shared by every such check lets only one
 * of them run at a time, so that any number of concurrent callers of {@code /health/ready} hold at
 * most one pooled connection between them; callers that arrive while a check runs wait for it and
 * share its answer. A caller that waits longer than {@value #WAIT_SECONDS} s gets DOWN: /health/ready runs
 * two such checks one after the other, so that it answers within about 4 s even while the database hangs
 * (the check holding the lock then waits for the driver's socket timeout), before a readiness probe's
 * 5 s timeout (DatabaseOutageIT: with 5 s per check the endpoint did not answer at all during a hang).
 */
@ApplicationScoped
public class HealthCache {

    static final long WAIT_SECONDS = 2;

    @Inject
    @ConfigProperty(name = "factory.health.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private final ReentrantLock running = new ReentrantLock();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(HealthCheckResponse response, long atNanos) {}

    public HealthCheckResponse get(String name, Supplier<HealthCheckResponse> check) {
        HealthCheckResponse fresh = fresh(name);
        if (fresh != null) {
            return fresh;
        }
        try {
            if (!running.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return HealthCheckResponse.named(name)
                        .down()
                        .withData("error", "check timed out")
                        .build();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(name)
                    .down()
                    .withData("error", "interrupted")
                    .build();
        }
        try {
            fresh = fresh(name); // answered while this caller waited
            if (fresh != null) {
                return fresh;
            }
            HealthCheckResponse response;
            try {
                response = check.get();
            } catch (RuntimeException e) {
                response = HealthCheckResponse.named(name)
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build();
            }
            answers.put(name, new Answer(response, System.nanoTime()));
            return response;
        } finally {
            running.unlock();
        }
    }

    private HealthCheckResponse fresh(String name) {
        Answer answer = answers.get(name);
        return answer != null && System.nanoTime() - answer.atNanos() < TimeUnit.MILLISECONDS.toNanos(cacheMillis)
                ? answer.response()
                : null;
    }
}
