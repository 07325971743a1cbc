package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in this server's memory: behind a load balancer each server counts on its own. */
final class MemoryBucketStore implements BucketStore {

    private static final int MAX_TRACKED_KEYS = 200_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear(); // bounded memory under a flood of distinct keys; limits restart from full
        }
        return buckets.computeIfAbsent(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }

    @Override
    public int purgeExpired(int limit) {
        return 0; // bounded by MAX_TRACKED_KEYS instead
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String description() {
        return "in this server's memory (each server of a cluster counts on its own)";
    }
}
