package io.factoryops.events;

import io.factoryops.identity.Caller;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Webhook subscriptions (admins): the URL is checked against the {@link UrlPolicy} (400 WEBHOOK_URL_REFUSED), the
 * event types must be known and readable by the caller (403 otherwise: nobody subscribes to what they may not
 * read), the secret is made here and shown once; rotation keeps the previous secret signing beside the new one for
 * an overlap. The delivery log and manual redelivery. Every change audited.
 */
@ApplicationScoped
public class WebhookService {

    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes("id", "url", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    private static final Map<String, String> DELIVERY_SORT_ATTRIBUTES = SortFields.attributes("id");
    public static final Set<String> DELIVERY_SORTABLE = DELIVERY_SORT_ATTRIBUTES.keySet();
    private static final int DEFAULT_OVERLAP_MINUTES = 60;
    private static final String ENTITY = "webhook";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    AuditService audit;

    @Transactional
    public Page<WebhookResponse> list(PageRequest page) {
        return JpaPaging.find(em, WebhookSubscription.class, page, SORT_ATTRIBUTES, (cb, root) -> List.of())
                .map(WebhookResponse::of);
    }

    @Transactional
    public WebhookResponse get(long id) {
        return WebhookResponse.of(find(id, LockModeType.NONE));
    }

    @Transactional
    public WebhookSecret create(Caller caller, WebhookRequest request) {
        String secret = WebhookSigner.newSecret();
        WebhookSubscription s = new WebhookSubscription(caller.username(), secret);
        s.describe(url(request), eventTypes(caller, request), description(request), active(request, true));
        em.persist(s);
        em.flush();
        WebhookResponse created = WebhookResponse.of(s);
        audit.record(AuditAction.CREATE, ENTITY, s.getId(), null, created);
        return new WebhookSecret(created, secret);
    }

    @Transactional
    public WebhookResponse replace(Caller caller, long id, Long expectedVersion, WebhookRequest request) {
        WebhookSubscription s = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(s, expectedVersion, "Webhook");
        WebhookResponse before = WebhookResponse.of(s);
        s.describe(url(request), eventTypes(caller, request), description(request), active(request, s.isActive()));
        em.flush();
        WebhookResponse after = WebhookResponse.of(s);
        audit.record(AuditAction.UPDATE, ENTITY, id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        WebhookSubscription s = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(s, expectedVersion, "Webhook");
        WebhookResponse before = WebhookResponse.of(s);
        em.remove(s);
        audit.record(AuditAction.DELETE, ENTITY, id, before, null);
    }

    /** A new secret, shown once; the previous one signs too for {@code overlapMinutes} (default 60). */
    @Transactional
    public WebhookSecret rotate(long id, Long expectedVersion, Integer overlapMinutes) {
        WebhookSubscription s = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(s, expectedVersion, "Webhook");
        int overlap = overlapMinutes == null ? DEFAULT_OVERLAP_MINUTES : overlapMinutes;
        String secret = WebhookSigner.newSecret();
        s.rotate(secret, overlap == 0 ? null : Instant.now().plus(Duration.ofMinutes(overlap)));
        em.flush();
        WebhookResponse rotated = WebhookResponse.of(s);
        audit.record(
                AuditAction.ROTATE_SECRET,
                ENTITY,
                id,
                null,
                Map.of("previous_secret_valid_until", String.valueOf(rotated.previousSecretValidUntil())));
        return new WebhookSecret(rotated, secret);
    }

    /** The subscription's delivery log, newest first. */
    @Transactional
    public Page<WebhookDeliveryResponse> deliveries(long id, PageRequest page, DeliveryStatus status) {
        find(id, LockModeType.NONE);
        Page<WebhookDelivery> found =
                JpaPaging.find(em, WebhookDelivery.class, page, DELIVERY_SORT_ATTRIBUTES, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    where.add(cb.equal(root.get("subscriptionId"), id));
                    if (status != null) {
                        where.add(cb.equal(root.get("status"), status));
                    }
                    return where;
                });
        Map<Long, StoredEvent> events =
                events(found.data().stream().map(WebhookDelivery::getEventId).collect(Collectors.toSet()));
        return found.map(d -> WebhookDeliveryResponse.of(d, events.get(d.getEventId())));
    }

    /**
     * Sends a delivery again (whatever became of it), with a new retry window: due at once, under the same
     * {@code webhook-id}, so that a receiver that processed it already recognises it. Audited.
     */
    @Transactional
    public WebhookDeliveryResponse redeliver(long id, long deliveryId) {
        WebhookSubscription s = find(id, LockModeType.NONE);
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.getSubscriptionId() != s.getId()) {
            throw ApiException.notFound("Webhook delivery", deliveryId);
        }
        if (!s.isActive()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Webhook " + id + " is disabled; enable it (PUT with active true) to send its deliveries",
                    List.of(),
                    Map.of());
        }
        Instant now = Instant.now();
        d.redeliver(now, now.plus(settings.retryWindow()));
        em.flush();
        WebhookDeliveryResponse redelivered =
                WebhookDeliveryResponse.of(d, events(Set.of(d.getEventId())).get(d.getEventId()));
        audit.record(AuditAction.REDELIVER, "webhook_delivery", deliveryId, null, Map.of("webhook_id", id));
        return redelivered;
    }

    private Map<Long, StoredEvent> events(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT e FROM StoredEvent e WHERE e.id IN :ids", StoredEvent.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(StoredEvent::getId, Function.identity()));
    }

    private WebhookSubscription find(long id, LockModeType lock) {
        WebhookSubscription s = em.find(WebhookSubscription.class, id, lock);
        if (s == null) {
            throw ApiException.notFound("Webhook", id);
        }
        return s;
    }

    private String url(WebhookRequest request) {
        return settings.urlPolicy().check(request.url()).toString();
    }

    /** The request's types: known (400 naming the bad one), and each readable by the caller (403 otherwise). */
    private static List<String> eventTypes(Caller caller, WebhookRequest request) {
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i).trim();
            List<EventType> named = EventType.named(type);
            if (named.isEmpty()) {
                throw ApiException.invalidField(
                        "event_types[" + i + "]",
                        "unknown event type '" + type + "'; one of " + String.join(", ", EventType.NAMES));
            }
            for (EventType t : named) {
                if (!caller.has(t.readPermission())) {
                    throw ApiException.forbidden("Subscribing to " + type + " needs "
                            + t.readPermission().value() + ", which you lack");
                }
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static String description(WebhookRequest request) {
        return request.description() == null || request.description().isBlank()
                ? null
                : request.description().strip();
    }

    private static boolean active(WebhookRequest request, boolean otherwise) {
        return request.active() == null ? otherwise : request.active();
    }
}
