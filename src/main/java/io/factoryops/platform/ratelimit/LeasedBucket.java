package io.factoryops.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One server's share of a bucket that every server of a cluster counts against: tokens are taken from the
 * shared bucket (a row in the database) a lease at a time, then handed to requests from this server's
 * memory. A request costs a database write only when the lease is used up.
 *
 * <p><b>Nothing passes unpaid.</b> A token is taken from the shared bucket before a request uses it, so
 * the servers together never let through more than the shared bucket gave out. What a lease holds expires
 * {@code leaseNanos} after it was taken: every request let through at time t used a token the shared bucket
 * gave out in [t − leaseNanos, t]. Over any period the cluster therefore lets through at most what the
 * bucket allows over that period stretched by {@code leaseNanos}: <i>limit + refill × (period + lease
 * time)</i>, so the bound past the limit is <i>refill rate × lease time</i> (1,200 a minute and 1 s: 20
 * requests), and never more than <i>servers × lease size</i>, whatever the number of servers.
 *
 * <p><b>Leases grow with the traffic.</b> The first lease of a bucket is one token; a lease used up before it
 * expired doubles the next one, up to {@code maxLeaseTokens}; a lease that expired with tokens left halves
 * it. A principal sending a request now and then takes one token per request, as an exact bucket would
 * (what expires unused would otherwise be refused to it on the other servers); one sending hundreds a
 * second costs one write per {@code maxLeaseTokens} requests.
 *
 * <p><b>Waiting.</b> When the lease is used up, one request takes the next one; the other requests of
 * this bucket on this server wait for that write, never for the row lock of each other's writes. When the
 * shared bucket is empty, requests are refused here, without a write, until a token has refilled.
 * A failed write (database unreachable) fails every request waiting for it, not each after its own
 * timeout: the caller decides what a failure means ({@link RateLimiter}).
 */
final class LeasedBucket implements RequestBucket {

    private final Bucket shared;
    private final long maxLeaseTokens;
    private final long leaseNanos;
    private final long nanosPerToken;
    private final long maxWaitNanos;
    private final LongSupplier clock;

    // guarded by this
    private long available;
    private long leaseExpiresAt;
    private long leaseSize = 1;
    private boolean leaseUsedUp = true;
    private long sharedRemaining;
    private long refusedUntil;
    private boolean leasing;
    private long leaseGeneration;
    private RuntimeException lastFailure;
    private long failedGeneration = -1;

    /**
     * @param nanosPerToken how long the shared bucket takes to refill one token (its period / capacity)
     * @param maxWaitNanos how long a request waits for another's lease before it gives up (the write's
     *                     own timeout, plus a margin)
     */
    LeasedBucket(
            Bucket shared,
            long maxLeaseTokens,
            long leaseNanos,
            long nanosPerToken,
            long maxWaitNanos,
            LongSupplier clock) {
        this.shared = shared;
        this.maxLeaseTokens = Math.max(1, maxLeaseTokens);
        this.leaseNanos = leaseNanos;
        this.nanosPerToken = Math.max(1, nanosPerToken);
        this.maxWaitNanos = maxWaitNanos;
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsumeOne() {
        long deadline = clock.getAsLong() + maxWaitNanos;
        long size;
        synchronized (this) {
            while (true) {
                long now = clock.getAsLong();
                if (available > 0 && now - leaseExpiresAt >= 0) {
                    available = 0; // what is left of an expired lease is never used (the bound)
                    leaseUsedUp = false;
                }
                if (available > 0) {
                    return takeOne();
                }
                if (now - refusedUntil < 0) {
                    return refused(refusedUntil - now);
                }
                if (!leasing) {
                    break;
                }
                long generation = leaseGeneration;
                waitUntilLeased(generation, deadline);
                if (failedGeneration == generation) {
                    throw lastFailure; // the write this request waited for failed: so does this request
                }
            }
            leasing = true;
            long now = clock.getAsLong();
            if (leaseExpiresAt == 0 || now - leaseExpiresAt > leaseNanos) {
                leaseSize = 1; // the bucket's first lease, or the first after a quiet while
            } else {
                leaseSize = leaseUsedUp ? Math.min(maxLeaseTokens, leaseSize * 2) : Math.max(1, leaseSize / 2);
            }
            size = leaseSize;
        }
        return lease(size);
    }

    /** Takes up to {@code size} tokens from the shared bucket (one write), keeps the rest, uses one. */
    private ConsumptionProbe lease(long size) {
        VerboseResult<Long> result;
        try {
            result = shared.asVerbose().tryConsumeAsMuchAsPossible(size);
        } catch (RuntimeException e) {
            synchronized (this) {
                leasing = false;
                lastFailure = e;
                failedGeneration = leaseGeneration++;
                notifyAll();
            }
            throw e;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            leasing = false;
            leaseGeneration++;
            notifyAll();
            long got = result.getValue();
            sharedRemaining = result.getDiagnostics().getAvailableTokens();
            leaseExpiresAt = now + leaseNanos;
            if (got == 0) {
                available = 0;
                leaseSize = 1;
                leaseUsedUp = true;
                // the shared bucket refills continuously; a whole token's time is the safe wait
                refusedUntil = now + nanosPerToken;
                return refused(nanosPerToken);
            }
            available = got;
            return takeOne();
        }
    }

    /** Hands out one token of the lease; a lease used up before it expired lets the next one grow. */
    private ConsumptionProbe takeOne() {
        available--;
        leaseUsedUp = available == 0;
        return ConsumptionProbe.consumed(available + sharedRemaining, 0);
    }

    private ConsumptionProbe refused(long nanosToWait) {
        return ConsumptionProbe.rejected(0, nanosToWait, nanosToWait);
    }

    private void waitUntilLeased(long generation, long deadline) {
        while (leasing && leaseGeneration == generation) {
            long left = deadline - clock.getAsLong();
            if (left <= 0) {
                throw new IllegalStateException("Waited " + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos)
                        + " ms for the rate-limit bucket's write in flight");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the rate-limit bucket", e);
            }
        }
    }
}
