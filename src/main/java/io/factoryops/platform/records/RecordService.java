package io.factoryops.platform.records;

import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.db.VersionedEntity;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The life of a master record, written once: read or 404; create, replace and delete, each flushed in the
 * caller's transaction (a database constraint violation becomes the client error a service's own check
 * would have given) and recorded in the audit log with the record as the API shows it before and after.
 * A service says what its record is, how the API shows it, which key is unique and what may keep it from
 * being deleted; it describes a record from its request itself.
 *
 * @param <E> the entity
 * @param <R> the record as the API shows it
 */
public abstract class RecordService<E extends VersionedEntity, R> {

    @PersistenceContext(unitName = "factory")
    protected EntityManager em;

    @Inject
    protected AuditService audit;

    private final Class<E> type;
    private final String name;
    private final String kind;
    private final Function<E, R> response;
    private final UniqueKey key;
    private final String stillReferenced;

    /**
     * @param kind            the record in the audit log and in messages ("supplier")
     * @param response        the record as the API shows it
     * @param key             the key no two records share, or null when none is checked
     * @param stillReferenced why a record cannot be deleted while other rows refer to it, the detail of the
     *                        409 {@code STILL_REFERENCED} after "Supplier 7 " ("has orders and cannot be deleted")
     */
    protected RecordService(
            Class<E> type, String kind, Function<E, R> response, UniqueKey key, String stillReferenced) {
        this.type = type;
        this.name = type.getSimpleName();
        this.kind = kind;
        this.response = response;
        this.key = key;
        this.stillReferenced = stillReferenced;
    }

    /** The record in messages and queries: the entity's name ("Supplier"). */
    protected String name() {
        return name;
    }

    /** The record's kind, as the audit log and {@code RecordDirectory} name it. */
    public String kind() {
        return kind;
    }

    /** Whether a record has this id (what a {@code RecordDirectory} answers other features). */
    @Transactional
    public boolean exists(long id) {
        return em.find(type, id) != null;
    }

    @Transactional
    public R get(long id) {
        return response.apply(find(id));
    }

    /** Deletes the record (If-Match checked); 409 {@code STILL_REFERENCED} while other rows refer to it. */
    @Transactional
    public void delete(long id, Long expectedVersion) {
        E record = find(id);
        Versions.check(version(record), expectedVersion, name, id);
        R before = response.apply(record);
        deleting(record);
        em.remove(record);
        Constraints.flush(
                em, () -> new ApiException(ErrorCode.STILL_REFERENCED, name + " " + id + " " + stillReferenced));
        deleted(record);
        audit.record(AuditAction.DELETE, kind, id, before, null);
    }

    /** The version If-Match is compared with: the entity's, unless the API derives another. */
    protected long version(E record) {
        return record.getVersion();
    }

    /** Checks made after If-Match and before the record is removed (e.g. its history). */
    protected void deleting(E record) {}

    /** What goes with the record once its row is gone. */
    protected void deleted(E record) {}

    /** Persists a new record and flushes it (409 {@code ALREADY_EXISTS} when the database finds its key taken). */
    protected void persist(E record) {
        em.persist(record);
        flush();
    }

    /** The new record's answer, recorded in the audit log. */
    protected R created(E record) {
        R created = response.apply(record);
        audit.record(AuditAction.CREATE, kind, record.getId(), null, created);
        return created;
    }

    /** Persists and records a new record: its answer. */
    protected R add(E record) {
        persist(record);
        return created(record);
    }

    /** Finds the record, checks If-Match and changes it ({@link #change}). */
    protected R update(long id, Long expectedVersion, Consumer<E> describe) {
        E record = find(id);
        Versions.check(version(record), expectedVersion, name, id);
        return change(record, AuditAction.UPDATE, describe);
    }

    /** Changes the record as {@code describe} says, flushes and records the change: the record after it. */
    protected R change(E record, AuditAction action, Consumer<E> describe) {
        R before = response.apply(record);
        describe.accept(record);
        flush();
        R after = response.apply(record);
        audit.record(action, kind, record.getId(), before, after);
        return after;
    }

    protected R response(E record) {
        return response.apply(record);
    }

    /** The record, or 404 {@code NOT_FOUND}. */
    protected E find(long id) {
        E record = em.find(type, id);
        if (record == null) {
            throw ApiException.notFound(name, id);
        }
        return record;
    }

    /** The record a request names in {@code field}, or 404 naming the field. */
    protected E find(long id, String field) {
        E record = em.find(type, id);
        if (record == null) {
            throw ApiException.notFoundField(field, name, id);
        }
        return record;
    }

    /** 409 {@code ALREADY_EXISTS} when another record than {@code exceptId} (null: any) has this key. */
    protected void requireUnique(String value, Long exceptId) {
        boolean taken = em
                .createQuery("SELECT r.id FROM " + name + " r WHERE r." + key.attribute() + " = :value", Long.class)
                .setParameter("value", value)
                .getResultList()
                .stream()
                .anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists(
                    key.field(), "Another " + kind + " already has the " + key.word() + " " + value);
        }
    }

    /** Flushes; a violated key is 409 {@code ALREADY_EXISTS} naming it. */
    protected void flush() {
        if (key == null) {
            em.flush();
        } else {
            Constraints.flush(
                    em,
                    () -> ApiException.alreadyExists(
                            key.field(), "Another " + kind + " already has this " + key.word()));
        }
    }

    /** An attribute of these records by id, in one query (unknown ids left out): names, usernames. */
    protected Map<Long, String> values(String attribute, Collection<Long> ids) {
        Map<Long, String> values = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT r.id, r." + attribute + " FROM " + name + " r WHERE r.id IN :ids", Object[].class)
                    .setParameter("ids", Set.copyOf(ids))
                    .getResultList()
                    .forEach(row -> values.put((Long) row[0], (String) row[1]));
        }
        return values;
    }
}
