package io.factoryops.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseBucket;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The leases of a shared bucket (one row in the database in production; a local bucket on a test clock
 * here): servers never let through more than the shared bucket gave out, leases grow with traffic and
 * expire, refusals cost no write, a failed write fails its waiters at once.
 */
class LeasedBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** 60 a minute: one token a second. */
    private static final long PER_TOKEN = SECOND;

    private final AtomicLong now = new AtomicLong(SECOND);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private Bucket shared(long perMinute) {
        return Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private LeasedBucket server(Bucket shared, long leaseTokens) {
        return new LeasedBucket(shared, leaseTokens, SECOND, PER_TOKEN, 3 * SECOND, now::get);
    }

    @Test
    void twoServersTogetherLetThroughExactlyWhatTheSharedBucketGaveOut() {
        Bucket shared = shared(60);
        LeasedBucket a = server(shared, 20);
        LeasedBucket b = server(shared, 20);
        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            if ((i % 2 == 0 ? a : b).tryConsumeOne().isConsumed()) {
                allowed++;
            }
        }
        assertEquals(60, allowed, "the clock stood still: nothing refilled");
        assertEquals(0, shared.getAvailableTokens());
    }

    @Test
    void leasesGrowWithTheTrafficUpToTheirSize() {
        Bucket shared = shared(60);
        LeasedBucket a = server(shared, 4);
        a.tryConsumeOne();
        assertEquals(59, shared.getAvailableTokens(), "the first lease is one token");
        a.tryConsumeOne();
        assertEquals(57, shared.getAvailableTokens(), "used up within its time: the next is twice as big");
        a.tryConsumeOne();
        assertEquals(57, shared.getAvailableTokens(), "served from the lease: no write");
        a.tryConsumeOne();
        assertEquals(53, shared.getAvailableTokens(), "then 4, the most a lease takes");
        for (int i = 0; i < 4; i++) {
            a.tryConsumeOne();
        }
        assertEquals(49, shared.getAvailableTokens(), "4 again");
    }

    @Test
    void whatAnExpiredLeaseHeldIsNeverUsedAndTheNextLeaseIsSmaller() {
        Bucket shared = shared(60);
        LeasedBucket a = server(shared, 8);
        for (int i = 0; i < 7; i++) { // leases of 1, 2 and 4 tokens
            a.tryConsumeOne();
        }
        a.tryConsumeOne(); // a lease of 8: 7 left in it
        assertEquals(60 - 15, shared.getAvailableTokens());
        now.addAndGet(SECOND); // the lease expires, and one token refills
        ConsumptionProbe probe = a.tryConsumeOne();
        assertTrue(probe.isConsumed());
        assertEquals(
                60 - 15 + 1 - 4,
                shared.getAvailableTokens(),
                "the 7 tokens left were dropped; the lease that expired unused halves the next one");
    }

    @Test
    void aQuietWhileStartsOverWithOneToken() {
        Bucket shared = shared(60);
        LeasedBucket a = server(shared, 8);
        for (int i = 0; i < 3; i++) {
            a.tryConsumeOne(); // leases of 1 and 2
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(5)); // full again
        a.tryConsumeOne();
        assertEquals(59, shared.getAvailableTokens());
    }

    @Test
    void anEmptySharedBucketIsRefusedLocallyUntilATokenHasRefilled() {
        Bucket shared = shared(2);
        LeasedBucket a = server(shared, 20);
        assertTrue(a.tryConsumeOne().isConsumed());
        assertTrue(a.tryConsumeOne().isConsumed());
        ConsumptionProbe refused = a.tryConsumeOne();
        assertFalse(refused.isConsumed());
        assertEquals(0, refused.getRemainingTokens());
        assertEquals(PER_TOKEN, refused.getNanosToWaitForRefill());
        // another server puts tokens back: this one does not ask before its wait is over (no write)
        shared.addTokens(2);
        assertFalse(a.tryConsumeOne().isConsumed(), "refused from memory");
        assertEquals(2, shared.getAvailableTokens(), "without a write");
        now.addAndGet(refused.getNanosToWaitForRefill());
        assertTrue(a.tryConsumeOne().isConsumed(), "after the wait it asks again");
    }

    @Test
    void concurrentRequestsOnTwoServersNeverPassTheLimit() throws Exception {
        Bucket shared = shared(600);
        LeasedBucket a = server(shared, 20);
        LeasedBucket b = server(shared, 20);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < 8; t++) {
                LeasedBucket server = t % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    go.await();
                    int allowed = 0;
                    for (int i = 0; i < 200; i++) {
                        if (server.tryConsumeOne().isConsumed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            go.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get(30, TimeUnit.SECONDS);
            }
            assertEquals(600, allowed, "1,600 requests at a standing clock: the limit, not one more");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedWriteFailsTheRequestsWaitingForItAtOnce() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RuntimeException unreachable = new IllegalStateException("database unreachable");
        VerboseBucket verbose = (VerboseBucket) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {VerboseBucket.class}, (proxy, method, args) -> {
                    writes.incrementAndGet();
                    writing.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    throw unreachable;
                });
        Bucket failing = (Bucket) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Bucket.class}, (proxy, method, args) -> {
                    if (method.getName().equals("asVerbose")) {
                        return verbose;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        LeasedBucket a =
                new LeasedBucket(failing, 20, SECOND, PER_TOKEN, TimeUnit.SECONDS.toNanos(10), System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(pool.submit(a::tryConsumeOne));
            assertTrue(writing.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(a::tryConsumeOne));
            }
            Thread.sleep(200); // the three wait for the write in flight
            release.countDown();
            for (Future<?> call : calls) {
                var e = assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
                assertSame(unreachable, e.getCause());
            }
            assertEquals(1, writes.get(), "one write for the four requests, none after the failure");
        } finally {
            pool.shutdownNow();
        }
    }
}
