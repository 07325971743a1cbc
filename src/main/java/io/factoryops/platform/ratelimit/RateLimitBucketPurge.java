package io.factoryops.platform.ratelimit;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Buckets that would be full again by now (their {@code expires_at}, set by Bucket4j at each write):
 * deleted by the purge timer. Bucket4j compares with its own clock, so {@code now} is not used.
 */
@ApplicationScoped
public class RateLimitBucketPurge implements ExpiringRows {

    @Inject
    BucketStore store;

    @Override
    public String name() {
        return DatabaseBucketStore.TABLE;
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        return store.purgeExpired(limit);
    }
}
