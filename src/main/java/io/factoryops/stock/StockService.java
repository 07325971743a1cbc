package io.factoryops.stock;

import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The stock ledger of everything counted, products and parts alike: the only code that changes a
 * quantity. Every change runs in the caller's transaction and goes the same way:
 * <ol>
 * <li><b>Lock first, in one order.</b> {@link #lock} takes the rows of every stock item the transaction
 * will move, in ascending stock-item id, in one {@code SELECT … FOR UPDATE}, before the transaction
 * writes anything that refers to them. Whatever mix of products and parts two transactions move, they
 * take their item locks in the same order, so one waits for the other and neither deadlocks. The owners'
 * rows (products, parts) come after: a transaction that changes an owner and its item (a product's
 * reorder level, a part's label) locks the item first too; documents that refer to an owner by foreign
 * key (order lines, production records, PO lines) are inserted after the lock. A change of an existing
 * document that moves stock (cancelling an order, receiving a purchase order, fitting parts on a service
 * ticket or cancelling it) locks that document's row
 * before the items, and nothing locks a document after an item, so the order holds there too.</li>
 * <li><b>Check, then write.</b> {@link StockItem} refuses a take below zero or an addition past an INT
 * before anything is written ({@link InsufficientStockException}, {@link StockLimitExceededException},
 * domain exceptions that roll the transaction back); {@link #takeAll} checks every line first and names
 * every short item. The row stays locked until the transaction ends, so nothing concurrent can
 * invalidate the check; the database's {@code CHECK (quantity >= 0)} is the last guard.</li>
 * <li><b>One ledger row per change</b> ({@link StockMovement}, append-only) with the quantity after and
 * a typed {@link StockReference}. Hence an item's quantity always equals the sum of its ledger's
 * deltas.</li>
 * <li><b>Crossings are events.</b> When a change takes an item to or below its reorder level for the
 * first time since it last recovered above it (units given back, {@link StockReason#givesBack}, are no
 * recovery: fitting and returning one part in a loop raises one alert), {@link StockFellBelowReorderLevel} is
 * fired synchronously,
 * inside the transaction and under the lock: observers' writes commit or roll back with the move, and
 * two concurrent moves cannot both raise it. Every change of an item's stored status fires
 * {@link StockStatusChanged} the same way (a part keeps a copy of it for its list's index).</li>
 * </ol>
 */
@ApplicationScoped
public class StockService {

    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes("occurred_at", "id");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    Event<StockFellBelowReorderLevel> fellBelowReorderLevel;

    @Inject
    Event<StockStatusChanged> statusChanged;

    /**
     * Stock items locked by {@link #lock} for the rest of the transaction, as they stand now in it:
     * {@link #take} and {@link #add} change them in place.
     */
    public static final class Locked {

        private final Map<Long, StockItem> items;

        Locked(Map<Long, StockItem> items) {
            this.items = items;
        }

        /** A locked item; a programming error when it was not locked. */
        public StockItem item(long stockItemId) {
            StockItem item = items.get(stockItemId);
            if (item == null) {
                throw new IllegalStateException("Stock item " + stockItemId + " was not locked");
            }
            return item;
        }

        /** The quantity of a locked item now, in this transaction. */
        public int quantity(long stockItemId) {
            return item(stockItemId).getQuantity();
        }

        public Map<Long, StockItem> items() {
            return Collections.unmodifiableMap(items);
        }
    }

    /**
     * Locks these stock items' rows, in ascending id, for the rest of the transaction, and reads them
     * as they are under the lock (see the class comment for why every mover calls this first). Callers
     * resolve their products' and parts' item ids first (an unknown owner is their 404); an unknown item
     * id here is a programming error.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(Collection<Long> stockItemIds) {
        Map<Long, StockItem> items = new TreeMap<>();
        if (!stockItemIds.isEmpty()) {
            List<StockItem> found = em.createQuery(
                            "SELECT s FROM StockItem s WHERE s.id IN :ids ORDER BY s.id", StockItem.class)
                    .setParameter("ids", Set.copyOf(stockItemIds))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    // an item read earlier in this transaction takes the state read under the lock
                    .setHint("eclipselink.refresh", "true")
                    .getResultList();
            found.forEach(item -> items.put(item.getId(), item));
            if (items.size() != Set.copyOf(stockItemIds).size()) {
                throw new IllegalArgumentException("Unknown stock item among " + stockItemIds);
            }
        }
        return new Locked(items);
    }

    /**
     * Takes units of a locked item, or fails whole with {@link InsufficientStockException}.
     *
     * @return the quantity left
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int take(
            Locked locked, long stockItemId, int units, StockReason reason, StockReference reference, String note) {
        StockItem item = locked.item(stockItemId);
        int before = item.getQuantity();
        boolean dips = item.take(units);
        return record(item, before, -units, dips, reason, reference, note).getQuantityAfter();
    }

    /**
     * Takes several items at once (item id → units), or nothing: {@link InsufficientStockException}
     * names every short item, not just the first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeAll(
            Locked locked, Map<Long, Integer> units, StockReason reason, StockReference reference, String note) {
        List<StockShortage> shortages = new ArrayList<>();
        new TreeMap<>(units).forEach((id, n) -> {
            StockItem item = locked.item(id);
            if (n > item.getQuantity()) {
                shortages.add(item.shortage(n));
            }
        });
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(shortages);
        }
        new TreeMap<>(units).forEach((id, n) -> take(locked, id, n, reason, reference, note));
    }

    /**
     * Adds units to a locked item, or fails with {@link StockLimitExceededException}.
     *
     * @return the quantity after
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(
            Locked locked, long stockItemId, int units, StockReason reason, StockReference reference, String note) {
        StockItem item = locked.item(stockItemId);
        int before = item.getQuantity();
        boolean dips = item.add(units, reason);
        return record(item, before, units, dips, reason, reference, note).getQuantityAfter();
    }

    /** A manual move of a locked item: positive adds, negative takes (never below zero). */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockMovementResponse move(Locked locked, long stockItemId, int delta, StockReason reason, String note) {
        if (delta == 0) {
            throw new IllegalArgumentException("delta must not be 0");
        }
        StockItem item = locked.item(stockItemId);
        int before = item.getQuantity();
        boolean dips = delta > 0 ? item.add(delta, reason) : item.take(-delta);
        StockMovement movement = record(item, before, delta, dips, reason, null, note);
        em.flush(); // the movement's id
        return StockMovementResponse.of(item, movement);
    }

    /**
     * A new stock item with its initial quantity; its owner is created with it and then calls
     * {@link #opened}. Nobody else can see it before the transaction commits, so it needs no lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockItem open(StockItemKind kind, String sku, String name, int initialQuantity, int reorderLevel) {
        StockItem item = new StockItem(kind, sku, name, initialQuantity, reorderLevel);
        em.persist(item);
        em.flush();
        return item;
    }

    /** Records the owner of a new item and the ledger row of its initial stock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(StockItem item, long ownerId) {
        item.ownedBy(ownerId);
        if (item.getQuantity() > 0) {
            em.persist(new StockMovement(
                    item.getId(),
                    item.getQuantity(),
                    item.getQuantity(),
                    StockReason.INITIAL,
                    null,
                    null,
                    actor(),
                    CurrentRequest.requestId()));
        }
    }

    /**
     * Changes a locked item's label, reorder level and activity (its owner's were changed). A new reorder
     * level at or above the quantity raises the low-stock alert like a movement would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void describe(Locked locked, long stockItemId, String sku, String name, int reorderLevel, boolean active) {
        StockItem item = locked.item(stockItemId);
        StockStatus before = item.getStatus();
        item.label(sku, name);
        item.activate(active);
        if (item.getReorderLevel() != reorderLevel && item.reorderAt(reorderLevel)) {
            fellBelowReorderLevel(item, item.getQuantity());
        }
        statusMayHaveChanged(item, before);
    }

    /**
     * What a document moved for one reason, net, per stock item (item id → sum of deltas, zeros left
     * out): e.g. the parts a production record consumed, to give them back exactly when it changes,
     * whatever its bill of materials says by then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Integer> netMoved(StockReference reference, StockReason reason) {
        Map<Long, Integer> net = new TreeMap<>();
        em.createQuery(
                        "SELECT m.stockItemId, SUM(m.delta) FROM StockMovement m WHERE m.referenceType = :type "
                                + "AND m.referenceId = :id AND m.reason = :reason GROUP BY m.stockItemId",
                        Object[].class)
                .setParameter("type", reference.type())
                .setParameter("id", reference.id())
                .setParameter("reason", reason)
                .getResultList()
                .forEach(r -> {
                    int sum = ((Number) r[1]).intValue();
                    if (sum != 0) {
                        net.put((Long) r[0], sum);
                    }
                });
        return net;
    }

    /** Whether the item has ledger rows (then its owner is deactivated, never deleted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasMovements(long stockItemId) {
        return !em.createQuery("SELECT m.id FROM StockMovement m WHERE m.stockItemId = :id", Long.class)
                .setParameter("id", stockItemId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Deletes an item without ledger rows, after its owner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(long stockItemId) {
        if (hasMovements(stockItemId)) {
            throw new IllegalStateException("Stock item " + stockItemId + " has ledger rows");
        }
        StockItem item = em.find(StockItem.class, stockItemId);
        if (item != null) {
            em.remove(item);
        }
    }

    /**
     * An item's ledger, newest first by default. When {@code seesEveryone} is false, another person's rows
     * come without who made them (actor, request id) and without the order of a sale.
     */
    @Transactional
    public Page<StockMovementResponse> movements(
            long stockItemId, PageRequest page, boolean seesEveryone, String username) {
        Function<StockMovement, StockMovementResponse> view = view(stockItemId, seesEveryone, username);
        return JpaPaging.find(em, StockMovement.class, page, SORT_ATTRIBUTES, ofItem(stockItemId))
                .map(view);
    }

    /**
     * The export of an item's ledger: {@link #movements} without pages, streamed when the caller runs
     * {@link Rows#forEach} (a transaction per chunk).
     */
    @Transactional
    public Rows<StockMovementResponse> exportMovements(
            long stockItemId, PageRequest page, boolean seesEveryone, String username) {
        Function<StockMovement, StockMovementResponse> view = view(stockItemId, seesEveryone, username);
        return JpaPaging.rows(
                em, StockMovement.class, page, SORT_ATTRIBUTES, ofItem(stockItemId), JpaPaging.perRow(view));
    }

    /**
     * An item's ledger rows as this caller sees them: whole, or, when {@code seesEveryone} is false, another
     * person's without who made them and without the order of a sale.
     */
    private Function<StockMovement, StockMovementResponse> view(
            long stockItemId, boolean seesEveryone, String username) {
        StockItem item = em.find(StockItem.class, stockItemId);
        if (item == null) {
            throw new IllegalArgumentException("Unknown stock item " + stockItemId);
        }
        return m -> seesEveryone || username.equals(m.getActor())
                ? StockMovementResponse.of(item, m)
                : StockMovementResponse.anonymised(item, m);
    }

    /** The WHERE of an item's ledger and of its export. */
    private static JpaPaging.Filter<StockMovement> ofItem(long stockItemId) {
        return (cb, root) -> List.of(cb.equal(root.get("stockItemId"), stockItemId));
    }

    /** Items by id, read without a lock (for views). */
    @Transactional
    public Map<Long, StockItem> items(Collection<Long> stockItemIds) {
        Map<Long, StockItem> found = new LinkedHashMap<>();
        if (!stockItemIds.isEmpty()) {
            em.createQuery("SELECT s FROM StockItem s WHERE s.id IN :ids", StockItem.class)
                    .setParameter("ids", Set.copyOf(stockItemIds))
                    .getResultList()
                    .forEach(s -> found.put(s.getId(), s));
        }
        return found;
    }

    private StockMovement record(
            StockItem item,
            int before,
            int delta,
            boolean dips,
            StockReason reason,
            StockReference reference,
            String note) {
        StockMovement movement = new StockMovement(
                item.getId(), delta, item.getQuantity(), reason, reference, note, actor(), CurrentRequest.requestId());
        em.persist(movement);
        statusMayHaveChanged(item, StockStatus.of(before, item.getReorderLevel()));
        if (dips) {
            fellBelowReorderLevel(item, before);
        }
        return movement;
    }

    /** Fires the item's crossing below its reorder level; it holds its quantity after the change already. */
    private void fellBelowReorderLevel(StockItem item, int quantityBefore) {
        fellBelowReorderLevel.fire(new StockFellBelowReorderLevel(
                item.getId(),
                item.getKind(),
                item.getOwnerId(),
                item.getSku(),
                item.getName(),
                quantityBefore,
                item.getQuantity(),
                item.getReorderLevel()));
    }

    private void statusMayHaveChanged(StockItem item, StockStatus before) {
        if (item.getStatus() != before) {
            statusChanged.fire(
                    new StockStatusChanged(item.getId(), item.getKind(), item.getOwnerId(), item.getStatus()));
        }
    }

    private static String actor() {
        return CurrentRequest.get().map(CurrentRequest::actor).orElse("system");
    }
}
