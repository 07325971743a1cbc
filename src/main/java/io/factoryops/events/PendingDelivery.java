package io.factoryops.events;

import java.time.Instant;
import java.util.List;

/**
 * A claimed delivery with all its call needs: the URL, the secrets that sign it, the event's id (the
 * {@code webhook-id}) and the body (the event's CloudEvents JSON).
 */
record PendingDelivery(
        long id,
        long subscriptionId,
        String url,
        List<String> secrets,
        String messageId,
        String body,
        int attempts,
        Instant retryUntil) {}
