package io.factoryops.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends the due webhook deliveries: claims them ({@link DeliveryOutbox#claim}, short transaction), and runs each
 * subscription's share as a lane on the webhook executor ({@code concurrent/webhooks}, at most {@value #LANES} at
 * once): one call after the other, outside any transaction and without a database connection, each call signed
 * and bounded ({@link WebhookSender}); its outcome recorded in a short transaction of its own. A subscription has
 * one lane at most on this server (the bulkhead per subscription): a receiver that hangs holds its own lane, never
 * a request thread, a connection or another subscription's deliveries. A failure ends the lane (the rest wait for
 * the next tick) and counts towards the subscription's circuit ({@link SubscriptionBreakers}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final int LANES = 8;
    static final int BATCH = 100;
    static final int PER_SUBSCRIPTION = 20;

    @Resource(lookup = "concurrent/webhooks")
    ManagedExecutorService executor;

    @Inject
    DeliveryOutbox outbox;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSettings settings;

    @Inject
    SubscriptionBreakers breakers;

    @Inject
    MetricRegistry metrics;

    /** The subscriptions with a lane running on this server. */
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();

    /** Claims what is due and starts a lane per subscription; returns at once. */
    public void dispatchDue() {
        if (busy.size() >= LANES) {
            return;
        }
        Instant now = Instant.now();
        Set<Long> excluded = new HashSet<>(busy);
        excluded.addAll(breakers.open(now));
        List<PendingDelivery> claimed = outbox.claim(now, BATCH, PER_SUBSCRIPTION, excluded);
        Map<Long, List<PendingDelivery>> lanes = new LinkedHashMap<>();
        claimed.forEach(d -> lanes.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>())
                .add(d));
        lanes.forEach((subscription, deliveries) -> {
            if (!busy.add(subscription)) {
                outbox.release(deliveries, now);
                return;
            }
            try {
                executor.submit(() -> lane(subscription, deliveries));
            } catch (RejectedExecutionException e) {
                busy.remove(subscription);
                outbox.release(deliveries, now);
            }
        });
    }

    private void lane(long subscription, List<PendingDelivery> deliveries) {
        try {
            for (int i = 0; i < deliveries.size(); i++) {
                if (!attempt(deliveries.get(i))) {
                    outbox.release(deliveries.subList(i + 1, deliveries.size()), Instant.now());
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook lane of subscription " + subscription + " failed", e);
        } finally {
            busy.remove(subscription);
        }
    }

    /** One call; returns whether it was delivered. */
    private boolean attempt(PendingDelivery d) {
        URI url;
        try {
            url = settings.urlPolicy().check(d.url());
        } catch (UrlPolicy.RefusedUrlException e) {
            return failed(d, null, null, "URL refused: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", d.messageId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.signatures(d.secrets(), d.messageId(), timestamp, d.body()));
        long start = System.nanoTime();
        int status;
        try {
            status = sender.post(url, headers, d.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(d, null, millisSince(start), "interrupted");
        } catch (Exception e) { // IOException, and Fault Tolerance's TimeoutException and BulkheadException
            return failed(d, null, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long latency = millisSince(start);
        if (status >= 200 && status < 300) {
            outbox.delivered(d, status, latency, Instant.now());
            breakers.succeeded(d.subscriptionId());
            metrics.counter("webhooks.delivered").inc();
            return true;
        }
        return failed(d, status, latency, "HTTP " + status);
    }

    private boolean failed(PendingDelivery d, Integer status, Long latency, String error) {
        Instant now = Instant.now();
        breakers.failed(d.subscriptionId(), now);
        metrics.counter("webhooks.failed").inc();
        if (outbox.failed(d, status, latency, error, now)) {
            LOG.warning(() -> "Webhook subscription " + d.subscriptionId() + " disabled: it failed for "
                    + settings.disableAfter() + " (" + error + ")");
        }
        return false;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
