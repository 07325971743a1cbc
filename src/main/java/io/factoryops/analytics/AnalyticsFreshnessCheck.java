package io.factoryops.analytics;

import io.factoryops.platform.health.HealthCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the analytics summaries are younger than {@code factory.analytics.max-age-seconds}
 * (300): older summaries mean the refresh timer stopped, and managers would read stale figures.
 */
@Readiness
@ApplicationScoped
public class AnalyticsFreshnessCheck implements HealthCheck {

    @Inject
    AnalyticsService analytics;

    @Inject
    @ConfigProperty(name = "factory.analytics.max-age-seconds", defaultValue = "300")
    long maxAgeSeconds;

    @Inject
    HealthCache cache;

    /** Shared by concurrent callers and remembered briefly, like every check that reads the database. */
    @Override
    public HealthCheckResponse call() {
        return cache.get("analytics", () -> evaluate(analytics.asOf(), Instant.now(), maxAgeSeconds));
    }

    /** Fresh when computed at most {@code maxAgeSeconds} before {@code now}; never computed is stale. */
    static boolean fresh(Instant asOf, Instant now, long maxAgeSeconds) {
        return asOf != null && Duration.between(asOf, now).toSeconds() <= maxAgeSeconds;
    }

    static HealthCheckResponse evaluate(Instant asOf, Instant now, long maxAgeSeconds) {
        if (asOf == null) {
            return HealthCheckResponse.named("analytics")
                    .down()
                    .withData("as_of", "never")
                    .withData("max_age_seconds", maxAgeSeconds)
                    .build();
        }
        long age = Duration.between(asOf, now).toSeconds();
        return HealthCheckResponse.named("analytics")
                .status(fresh(asOf, now, maxAgeSeconds))
                .withData("as_of", asOf.toString())
                .withData("age_seconds", age)
                .withData("max_age_seconds", maxAgeSeconds)
                .build();
    }
}
