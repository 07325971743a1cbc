package io.factoryops.stock;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.records.ListedRecordService;
import io.factoryops.platform.records.UniqueKey;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The life of a stock owner, written once for products and parts: its SKU is unique; it is created with
 * its stock item (and the ledger row of an initial stock); a replace changes its description and the
 * item's label, reorder level and activity, never its quantity (409 when a request states another);
 * it is deleted only while it never moved stock (deactivated otherwise), its item with it; its stock moves
 * by hand through the ledger, with an audit row. Every change locks the item before it changes the
 * owner's row (the ledger's lock order).
 *
 * @param <E> the owner
 * @param <Q> the request that creates or replaces one
 * @param <R> the owner as the API shows it
 * @param <F> the filters of the owners' list
 */
public abstract class StockOwnerService<E extends StockOwner, Q extends StockOwnerRequest, R, F>
        extends ListedRecordService<E, R, F> {

    @Inject
    protected StockService stock;

    private final StockItemKind kind;
    private final Function<Q, Integer> statedQuantity;
    private final String movesOnlyThrough;

    /**
     * @param sortAttributes   the list's sort fields and the attributes they sort by
     * @param stillReferenced  what may refer to an owner and keep it from being deleted, as a detail's end
     * @param statedQuantity   the quantity a request states (which a replace may only repeat), or null
     * @param movesOnlyThrough how the quantity moves instead, for the 409 of a replace that states another one
     *                         ({@code %d}: the owner's id)
     */
    protected StockOwnerService(
            Class<E> type,
            StockItemKind kind,
            Function<E, R> response,
            Map<String, String> sortAttributes,
            String stillReferenced,
            Function<Q, Integer> statedQuantity,
            String movesOnlyThrough) {
        super(
                type,
                kind.name().toLowerCase(Locale.ROOT),
                response,
                new UniqueKey("sku", "sku", "SKU"),
                stillReferenced,
                sortAttributes,
                "stock");
        this.kind = kind;
        this.statedQuantity = statedQuantity;
        this.movesOnlyThrough = movesOnlyThrough;
    }

    /** A new owner of the new item. */
    protected abstract E owner(StockItem item);

    /** Describes the owner as the request does (all but its stock). */
    protected abstract void describe(E owner, Q request);

    /** The stock a new owner starts with. */
    protected int initialQuantity(Q request) {
        return 0;
    }

    /** Checks of a request besides the SKU (e.g. what it refers to), on create and replace. */
    protected void check(Q request) {}

    @Transactional
    public R create(Q request) {
        String sku = request.sku().trim();
        requireUnique(sku, null);
        check(request);
        StockItem item =
                stock.open(kind, sku, request.name().trim(), initialQuantity(request), orZero(request.reorderLevel()));
        E owner = owner(item);
        describe(owner, request);
        persist(owner);
        stock.opened(item, owner.getId());
        if (Boolean.FALSE.equals(request.active())) {
            stock.describe(
                    stock.lock(List.of(item.getId())),
                    item.getId(),
                    item.getSku(),
                    item.getName(),
                    item.getReorderLevel(),
                    false);
        }
        return created(owner);
    }

    @Transactional
    public R replace(long id, Long expectedVersion, Q request) {
        StockService.Locked locked = stock.lock(List.of(stockItemOf(id)));
        return update(id, expectedVersion, owner -> {
            StockItem item = owner.getStock();
            Integer stated = statedQuantity.apply(request);
            if (stated != null && stated != item.getQuantity()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        movesOnlyThrough.formatted(id) + "; omit it or send the current " + item.getQuantity());
            }
            requireUnique(request.sku().trim(), id);
            check(request);
            describe(owner, request);
            stock.describe(
                    locked,
                    item.getId(),
                    owner.getSku(),
                    owner.getName(),
                    orZero(request.reorderLevel()),
                    request.active() == null ? item.isActive() : request.active());
        });
    }

    /**
     * Deletes an owner that never moved stock, and its item; one with ledger rows is deactivated instead
     * (PUT {@code active=false}), so that its history stays whole.
     */
    @Override
    @Transactional
    public void delete(long id, Long expectedVersion) {
        stock.lock(List.of(stockItemOf(id)));
        super.delete(id, expectedVersion);
    }

    @Override
    protected void deleting(E owner) {
        if (stock.hasMovements(owner.getStock().getId())) {
            throw new ApiException(
                    ErrorCode.STILL_REFERENCED,
                    name() + " " + owner.getId() + " has stock movements and cannot be deleted; deactivate it "
                            + "instead (PUT with active false)");
        }
    }

    @Override
    protected void deleted(E owner) {
        stock.delete(owner.getStock().getId());
        em.flush();
    }

    @Override
    protected long version(E owner) {
        return owner.representationVersion();
    }

    /** Moves the owner's stock by hand (locked), with an audit row of the ledger row. */
    protected StockMovementResponse move(long id, int delta, StockReason reason, String note, AuditAction action) {
        long itemId = stockItemOf(id);
        StockMovementResponse movement = stock.move(stock.lock(List.of(itemId)), itemId, delta, reason, note);
        audit.record(action, kind(), id, null, movement);
        return movement;
    }

    /**
     * The owner's ledger as this caller may see it: below admin, another person's rows come without who made
     * them (actor, request id) nor the order of a sale; their own rows and, for admins, every row are whole.
     */
    @Transactional
    public Page<StockMovementResponse> movements(long id, PageRequest page, Caller caller) {
        return stock.movements(stockItemOf(id), page, seesEveryone(caller), caller.username());
    }

    /** The export of the owner's ledger, as {@link #movements} shows it to the caller; 404 for an unknown owner. */
    @Transactional
    public Rows<StockMovementResponse> exportMovements(long id, PageRequest page, Caller caller) {
        return stock.exportMovements(stockItemOf(id), page, seesEveryone(caller), caller.username());
    }

    /** The owner's stock item (it never changes), read without a lock; 404 for an unknown owner. */
    public long stockItemOf(long ownerId) {
        List<Long> found = em.createQuery("SELECT o.stock.id FROM " + name() + " o WHERE o.id = :id", Long.class)
                .setParameter("id", ownerId)
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound(name(), ownerId);
        }
        return found.get(0);
    }

    private static boolean seesEveryone(Caller caller) {
        return caller.has(Permission.AUDIT_LOGS_READ);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
