package io.factoryops.stock;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A counted thing, product or part: the one owner of its quantity. The quantity changes only through
 * {@link StockService}, which locks the row first and writes one ledger row per change; this entity
 * guards the invariants of a change (never below zero, never past an INT) and keeps the stored status
 * and the low-stock alert state in step with the quantity. The owner (product or part) keeps its own
 * description; the SKU and name here are a label for the ledger, alerts and problems, set by the owner
 * in the same transaction as its own.
 */
@Entity
@Table(name = "stock_items")
public class StockItem extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private StockItemKind kind;

    /** The product's or part's id; set in the transaction that creates both. */
    @Column(name = "owner_id")
    private Long ownerId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "reorder_level", nullable = false)
    private int reorderLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private StockStatus status;

    /** Whether the low-stock alert of the current dip to or below the reorder level was raised. */
    @Column(nullable = false)
    private boolean alerted;

    @Column(nullable = false)
    private boolean active;

    protected StockItem() {}

    /**
     * A new item holding its initial stock. It counts as already alerted when it starts at or below its
     * reorder level: whoever creates it knows.
     */
    StockItem(StockItemKind kind, String sku, String name, int quantity, int reorderLevel) {
        if (quantity < 0 || reorderLevel < 0) {
            throw new IllegalArgumentException("quantity and reorder level must not be negative");
        }
        this.kind = kind;
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.reorderLevel = reorderLevel;
        this.status = StockStatus.of(quantity, reorderLevel);
        this.alerted = quantity <= reorderLevel;
        this.active = true;
    }

    void ownedBy(long ownerId) {
        if (this.ownerId != null && this.ownerId != ownerId) {
            throw new IllegalStateException("Stock item " + getId() + " already belongs to " + this.ownerId);
        }
        this.ownerId = ownerId;
    }

    void label(String sku, String name) {
        this.sku = sku;
        this.name = name;
    }

    void activate(boolean active) {
        this.active = active;
    }

    /**
     * Takes units or fails, leaving the item as it was, with {@link InsufficientStockException}.
     *
     * @return whether the item just fell to or below its reorder level for the first time since it was
     * last above it (the caller raises the alert)
     */
    boolean take(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        if (units > quantity) {
            throw new InsufficientStockException(List.of(shortage(units)));
        }
        return quantityIs(quantity - units, false);
    }

    /**
     * Adds units or fails, leaving the item as it was, with {@link StockLimitExceededException}. Units given
     * back ({@link StockReason#givesBack}) do not end a dip, even above the reorder level: the same units taken
     * again do not raise the alert again.
     */
    boolean add(int units, StockReason reason) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        if ((long) quantity + units > Integer.MAX_VALUE) {
            throw new StockLimitExceededException(this, units);
        }
        return quantityIs(quantity + units, !reason.givesBack());
    }

    /** A new reorder level; like a movement, it may start a dip (returned) or end one. */
    boolean reorderAt(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("reorder level must not be negative: " + level);
        }
        this.reorderLevel = level;
        return quantityIs(quantity, true);
    }

    StockShortage shortage(int requested) {
        return new StockShortage(getId(), kind, ownerId == null ? 0 : ownerId, sku, name, requested, quantity);
    }

    /** @param recovers whether being above the reorder level now ends the current dip (re-arms the alert) */
    private boolean quantityIs(int after, boolean recovers) {
        this.quantity = after;
        this.status = StockStatus.of(after, reorderLevel);
        if (after > reorderLevel) {
            if (recovers) {
                alerted = false;
            }
            return false;
        }
        boolean dips = !alerted;
        alerted = true;
        return dips;
    }

    /**
     * The version of an owner as the API shows it, stock included: it grows with every change of the
     * owner and with every movement of its stock, so an ETag taken before a movement is stale after.
     */
    public long versionWith(long ownerVersion) {
        return ownerVersion + getVersion();
    }

    public StockItemKind getKind() {
        return kind;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getReorderLevel() {
        return reorderLevel;
    }

    public StockStatus getStatus() {
        return status;
    }

    public boolean isActive() {
        return active;
    }
}
