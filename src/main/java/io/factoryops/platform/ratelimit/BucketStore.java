package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the token buckets live: {@link MemoryBucketStore} (one server's memory, on H2) or
 * {@link DatabaseBucketStore} (the database, shared by every server, on MySQL/MariaDB). Which one runs
 * is decided in one place, {@link BucketStores}.
 */
interface BucketStore {

    /**
     * The bucket of this key, created with this configuration when it does not exist yet; exact: in the
     * database, each consumption is a write (the login limits).
     */
    Bucket bucket(String key, BucketConfiguration configuration);

    /**
     * The same, for the limits every request meets: in the database, this server takes the bucket's tokens
     * a lease at a time and hands them out from memory ({@link LeasedBucket}: a write per lease, not per
     * request, within a stated bound). In one server's memory it is the exact bucket.
     */
    default RequestBucket requestBucket(String key, BucketConfiguration configuration) {
        Bucket bucket = bucket(key, configuration);
        return () -> bucket.tryConsumeAndReturnRemaining(1);
    }

    /** Deletes up to {@code limit} buckets that would be full again by now; returns how many. */
    int purgeExpired(int limit);

    /** True when every server of a cluster counts against these buckets (they live in the database). */
    boolean shared();

    /** For the start-up log: where the buckets are. */
    String description();
}
