package io.factoryops.platform.audit;

import io.factoryops.platform.Dates;
import io.factoryops.platform.json.JsonConfig;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes audit rows. {@link #record} joins the caller's transaction, so the row commits or rolls
 * back with the change it describes; {@link #recordIndependently} commits on its own, for events
 * that must be kept although the request fails (a rejected login).
 * Before/after hold only the fields that changed.
 */
@ApplicationScoped
public class AuditService {

    private static final Set<String> NOISE = Set.of("version", "updated_at", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes("occurred_at", "actor", "action");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    /** The sort fields of keyset paging (after=): not actor, which is null for anonymous events. */
    public static final Set<String> SEEKABLE = Set.of("occurred_at", "action");

    /**
     * Filters of the audit log list; all optional, dates in UTC and inclusive. Parsed from
     * {@link AuditLogListParameters}.
     */
    public record Filter(
            String actor, String entityType, String entityId, String action, LocalDate dateFrom, LocalDate dateTo) {}

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String entityType, Object entityId, Object before, Object after) {
        write(actor(), action.name(), entityType, entityId, before, after);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordIndependently(
            String actor, AuditAction action, String entityType, Object entityId, Object details) {
        write(actor, action.name(), entityType, entityId, null, details);
    }

    @Transactional
    public Page<AuditLogResponse> list(PageRequest page, Filter filter) {
        return JpaPaging.find(em, AuditLog.class, page, SORT_ATTRIBUTES, where(page, filter))
                .map(AuditLogResponse::of);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<AuditLogResponse> export(PageRequest page, Filter filter) {
        return JpaPaging.rows(
                em, AuditLog.class, page, SORT_ATTRIBUTES, where(page, filter), JpaPaging.perRow(AuditLogResponse::of));
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    private JpaPaging.Filter<AuditLog> where(PageRequest page, Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.actor() != null) {
                where.add(cb.equal(root.get("actor"), filter.actor()));
            }
            if (filter.entityType() != null) {
                where.add(cb.equal(root.get("entityType"), filter.entityType()));
            }
            if (filter.entityId() != null) {
                where.add(cb.equal(root.get("entityId"), filter.entityId()));
            }
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.dateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), Dates.startOf(filter.dateFrom())));
            }
            if (filter.dateTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("occurredAt"), Dates.endOf(filter.dateTo())));
            }
            return where;
        };
    }

    private void write(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        String beforeText;
        String afterText;
        if (before != null && after != null) {
            JsonObject b = toJson(before);
            JsonObject a = toJson(after);
            JsonObjectBuilder changedBefore = Json.createObjectBuilder();
            JsonObjectBuilder changedAfter = Json.createObjectBuilder();
            for (String key : union(b, a)) {
                JsonValue old = b.get(key);
                JsonValue now = a.get(key);
                if (!NOISE.contains(key) && !Objects.equals(old, now)) {
                    changedBefore.add(key, old == null ? JsonValue.NULL : old);
                    changedAfter.add(key, now == null ? JsonValue.NULL : now);
                }
            }
            beforeText = changedBefore.build().toString();
            afterText = changedAfter.build().toString();
        } else {
            // a creation or a deletion: the whole state, as JSON-B writes it (no diff, so no parsing)
            beforeText = toText(before);
            afterText = toText(after);
        }
        CurrentRequest request = CurrentRequest.get().orElse(null);
        em.persist(new AuditLog(
                actor,
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                beforeText,
                afterText,
                request == null ? null : request.clientIp(),
                request == null ? null : request.userAgent(),
                request == null ? null : request.id()));
    }

    private static String toText(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof JsonObject || state instanceof Map<?, ?> map && map.isEmpty()) {
            return toJson(state).toString();
        }
        return JsonConfig.jsonb().toJson(state);
    }

    private static Set<String> union(JsonObject b, JsonObject a) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(b.keySet());
        keys.addAll(a.keySet());
        return keys;
    }

    private static JsonObject toJson(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof JsonObject json) {
            return json;
        }
        if (state instanceof Map<?, ?> map && map.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        String text = JsonConfig.jsonb().toJson(state);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String actor() {
        return CurrentRequest.get().map(CurrentRequest::actor).orElse("system");
    }
}
