package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the token buckets live: {@link MemoryBucketStore} (one server's memory, on H2) or
 * {@link DatabaseBucketStore} (the database, shared by every server, on MySQL/MariaDB). Which one runs
 * is decided in one place, {@link BucketStores}.
 */
interface BucketStore {

    /** The bucket of this key, created with this configuration when it does not exist yet. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Deletes up to {@code limit} buckets that would be full again by now; returns how many. */
    int purgeExpired(int limit);

    /** True when every server of a cluster counts against these buckets (they live in the database). */
    boolean shared();

    /** For the start-up log: where the buckets are. */
    String description();
}
