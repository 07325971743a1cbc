package io.factoryops.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive unless the heap is nearly exhausted after collection (then a restart helps). */
@Liveness
@ApplicationScoped
public class HeapLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(used < max * 0.98)
                .withData("used_mb", used / (1024 * 1024))
                .withData("max_mb", max / (1024 * 1024))
                .build();
    }
}
