package io.factoryops.platform.audit;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one shape of a change to a document (a service ticket, a purchase order, an order) inside its service's
 * transaction, on a row the service locked (and whose If-Match it checked) first: the change applied, flushed,
 * the document viewed as the API answers it and the change audited in the same transaction. A service holds one
 * per kind of document; the lock, the rules of the change and what it tells others (events, notifications, run
 * inside the change) stay its own.
 *
 * @param <E> the document's entity
 * @param <V> the document as the API shows it
 */
public final class AuditedChanges<E extends VersionedEntity, V> {

    private final EntityManager em;
    private final AuditService audit;
    private final String entityType;
    private final Function<E, String> status;
    private final Function<E, V> view;

    /**
     * @param entityType the audit log's name of the document, e.g. {@code "purchase_order"}
     * @param status     the document's status as the API writes it, e.g. {@code "in_progress"}
     * @param view       the document as the API answers it
     */
    public AuditedChanges(
            EntityManager em, AuditService audit, String entityType, Function<E, String> status, Function<E, V> view) {
        this.em = em;
        this.audit = audit;
        this.entityType = entityType;
        this.status = status;
        this.view = view;
    }

    /** A change of status, audited as {@code {status: before}} → {@code {status: after}}. */
    public V transition(E document, AuditAction action, Consumer<E> change) {
        String before = status.apply(document);
        change.accept(document);
        em.flush();
        V after = view.apply(document);
        audit.record(
                action,
                entityType,
                document.getId(),
                Map.of("status", before),
                Map.of("status", status.apply(document)));
        return after;
    }

    /**
     * A change audited by what {@code audited} keeps of the document's view before and after it (the view itself
     * with {@link Function#identity()}).
     */
    public V revise(E document, AuditAction action, Function<? super V, ?> audited, Consumer<E> change) {
        V before = view.apply(document);
        change.accept(document);
        return recorded(document, action, audited.apply(before), audited);
    }

    /** A change already applied: flushed, viewed, and audited with {@code before} and what {@code after} keeps. */
    public V recorded(E document, AuditAction action, Object before, Function<? super V, ?> after) {
        em.flush();
        V viewed = view.apply(document);
        audit.record(action, entityType, document.getId(), before, after.apply(viewed));
        return viewed;
    }

    /** The document as the API answers it. */
    public V view(E document) {
        return view.apply(document);
    }
}
