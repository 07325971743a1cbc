package io.factoryops.events;

import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.platform.json.JsonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deliveries' statements. {@link #fanOut} runs in the sequencer's transaction; the dispatcher's steps
 * ({@link #claim}, {@link #delivered}, {@link #failed}, {@link #release}) each in a short transaction of their own,
 * and the HTTP call happens between them, outside any transaction and without a database connection.
 *
 * <p>Claiming, as the mail outbox does: a due row ({@code PENDING}, {@code next_attempt_at <= now}, its subscription
 * active) is claimed by {@code UPDATE … SET next_attempt_at = now + lease, attempts = attempts + 1 WHERE id = ? AND
 * status = 'PENDING' AND next_attempt_at <= now}: of two servers claiming it, the second one's UPDATE finds it no
 * longer due and touches nothing. A server that dies mid-call leaves the row due again when the lease ends, for
 * another server: at least once.
 */
@ApplicationScoped
public class DeliveryOutbox {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    NotificationService notifications;

    /** A delivery for every active subscription to each event's type, in the sequencer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<WebhookSubscription> subscriptions = em.createQuery(
                        "SELECT s FROM WebhookSubscription s WHERE s.active = TRUE", WebhookSubscription.class)
                .getResultList();
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Instant until = now.plus(settings.retryWindow());
        for (StoredEvent event : events) {
            for (WebhookSubscription s : subscriptions) {
                if (s.getEventTypes().contains(event.getType())) {
                    em.persist(new WebhookDelivery(s.getId(), event.getId(), now, until));
                }
            }
        }
    }

    /**
     * Claims up to {@code limit} due deliveries, at most {@code perSubscription} of one subscription, none of the
     * {@code excluded} subscriptions (busy on this server, or their circuit open).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PendingDelivery> claim(Instant now, int limit, int perSubscription, Set<Long> excluded) {
        TypedQuery<DueDelivery> query = em.createQuery(
                        "SELECT NEW io.factoryops.events.DueDelivery(d.id, d.subscriptionId) FROM WebhookDelivery d, "
                                + "WebhookSubscription s WHERE s.id = d.subscriptionId AND s.active = TRUE "
                                + "AND d.status = :pending AND d.nextAttemptAt <= :now"
                                + (excluded.isEmpty() ? "" : " AND d.subscriptionId NOT IN :excluded")
                                + " ORDER BY d.nextAttemptAt, d.id",
                        DueDelivery.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit);
        if (!excluded.isEmpty()) {
            query.setParameter("excluded", excluded);
        }
        Map<Long, Integer> perSub = new HashMap<>();
        List<Long> claimed = new ArrayList<>();
        for (DueDelivery due : query.getResultList()) {
            if (perSub.merge(due.subscriptionId(), 1, Integer::sum) > perSubscription) {
                continue;
            }
            int updated = em.createQuery("UPDATE WebhookDelivery d SET d.nextAttemptAt = :lease, "
                            + "d.attempts = d.attempts + 1 WHERE d.id = :id AND d.status = :pending "
                            + "AND d.nextAttemptAt <= :now")
                    .setParameter("lease", now.plus(settings.lease()))
                    .setParameter("id", due.id())
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(due.id());
            }
        }
        return pending(claimed, now);
    }

    /** The claimed deliveries with their URL, secrets and body (one query per table for the batch). */
    private List<PendingDelivery> pending(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> deliveries = em.createQuery(
                        "SELECT d FROM WebhookDelivery d WHERE d.id IN :ids ORDER BY d.id", WebhookDelivery.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, StoredEvent> events = byId(
                em.createQuery("SELECT e FROM StoredEvent e WHERE e.id IN :ids", StoredEvent.class)
                        .setParameter(
                                "ids",
                                deliveries.stream()
                                        .map(WebhookDelivery::getEventId)
                                        .toList())
                        .getResultList(),
                StoredEvent::getId);
        Map<Long, WebhookSubscription> subscriptions = byId(
                em.createQuery("SELECT s FROM WebhookSubscription s WHERE s.id IN :ids", WebhookSubscription.class)
                        .setParameter(
                                "ids",
                                deliveries.stream()
                                        .map(WebhookDelivery::getSubscriptionId)
                                        .toList())
                        .getResultList(),
                WebhookSubscription::getId);
        List<PendingDelivery> pending = new ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            StoredEvent event = events.get(d.getEventId());
            WebhookSubscription s = subscriptions.get(d.getSubscriptionId());
            pending.add(new PendingDelivery(
                    d.getId(),
                    s.getId(),
                    s.getUrl(),
                    s.signingSecrets(now),
                    event.getEventId(),
                    JsonConfig.jsonb().toJson(CloudEvent.of(event)),
                    d.getAttempts(),
                    d.getRetryUntil()));
        }
        return pending;
    }

    private static <T> Map<Long, T> byId(Collection<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** The receiver answered 2xx: delivered; its subscription is not failing any more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(PendingDelivery delivery, int status, long latencyMs, Instant now) {
        em.createQuery("UPDATE WebhookDelivery d SET d.status = :delivered, d.deliveredAt = :now, "
                        + "d.lastAttemptAt = :now, d.nextAttemptAt = NULL, d.responseStatus = :status, "
                        + "d.latencyMs = :latency, d.lastError = NULL WHERE d.id = :id")
                .setParameter("delivered", DeliveryStatus.DELIVERED)
                .setParameter("now", now)
                .setParameter("status", status)
                .setParameter("latency", latencyMs)
                .setParameter("id", delivery.id())
                .executeUpdate();
        em.createQuery("UPDATE WebhookSubscription s SET s.failingSince = NULL "
                        + "WHERE s.id = :id AND s.failingSince IS NOT NULL")
                .setParameter("id", delivery.subscriptionId())
                .executeUpdate();
    }

    /**
     * An attempt failed (an answer other than 2xx, or no answer): due again after the backoff, or given up after the
     * retry window. A subscription failing without a success for {@code factory.webhooks.disable-after-seconds} is
     * disabled and its owner notified, in this transaction.
     *
     * @param status the receiver's answer, or null when there was none
     * @return whether the subscription was disabled now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(PendingDelivery delivery, Integer status, Long latencyMs, String error, Instant now) {
        boolean giveUp = !now.isBefore(delivery.retryUntil());
        em.createQuery("UPDATE WebhookDelivery d SET d.status = :status, d.lastAttemptAt = :now, "
                        + "d.nextAttemptAt = :next, d.responseStatus = :response, d.latencyMs = :latency, "
                        + "d.lastError = :error WHERE d.id = :id AND d.status = :pending")
                .setParameter("status", giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setParameter("next", giveUp ? null : now.plus(settings.backoff(delivery.attempts())))
                .setParameter("response", status)
                .setParameter("latency", latencyMs)
                .setParameter("error", fit(error))
                .setParameter("id", delivery.id())
                .setParameter("pending", DeliveryStatus.PENDING)
                .executeUpdate();
        em.createQuery("UPDATE WebhookSubscription s SET s.failingSince = :now "
                        + "WHERE s.id = :id AND s.failingSince IS NULL")
                .setParameter("now", now)
                .setParameter("id", delivery.subscriptionId())
                .executeUpdate();
        // a new version: the admin's ETag of the subscription no longer matches what it is
        int disabled = em.createQuery("UPDATE WebhookSubscription s SET s.active = FALSE, s.disabledReason = :reason, "
                        + "s.version = s.version + 1, s.updatedAt = :now "
                        + "WHERE s.id = :id AND s.active = TRUE AND s.failingSince <= :since")
                .setParameter("now", now)
                .setParameter(
                        "reason",
                        fit("Every delivery failed for "
                                + settings.disableAfter().toSeconds() + " s; disabled at " + now + " (last error: "
                                + error + ")"))
                .setParameter("id", delivery.subscriptionId())
                .setParameter("since", now.minus(settings.disableAfter()))
                .executeUpdate();
        if (disabled == 1) {
            WebhookSubscription s = em.find(WebhookSubscription.class, delivery.subscriptionId());
            notifications.notifyUser(
                    s.getCreatedBy(),
                    NotificationType.WEBHOOK_DISABLED,
                    "Webhook " + s.getId() + " disabled",
                    "Webhook " + s.getId() + " (" + s.getUrl() + ") was disabled: every delivery failed for "
                            + settings.disableAfter().toHours() + " h (last error: " + error + "). Fix the receiver "
                            + "and enable it again with PUT /api/webhooks/" + s.getId() + " (active true); its "
                            + "pending deliveries resume then.",
                    null);
        }
        return disabled == 1;
    }

    /** Gives back claimed deliveries that were not attempted (their lane stopped at a failure): due now again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(List<PendingDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        em.createQuery("UPDATE WebhookDelivery d SET d.nextAttemptAt = :now, d.attempts = d.attempts - 1 "
                        + "WHERE d.id IN :ids AND d.status = :pending")
                .setParameter("now", now)
                .setParameter(
                        "ids", deliveries.stream().map(PendingDelivery::id).toList())
                .setParameter("pending", DeliveryStatus.PENDING)
                .executeUpdate();
    }

    private static String fit(String text) {
        return text == null || text.length() <= WebhookDelivery.ERROR_MAX
                ? text
                : text.substring(0, WebhookDelivery.ERROR_MAX - 1) + "…";
    }
}
