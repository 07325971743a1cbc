package io.factoryops.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One immutable row of the stock ledger: a stock item's quantity changed by {@code delta} to
 * {@code quantityAfter}, for a reason, caused by a typed reference (none for manual moves).
 */
@Entity
@Table(name = "stock_movements")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "stock_item_id", nullable = false, updatable = false)
    private long stockItemId;

    @Column(nullable = false, updatable = false)
    private int delta;

    @Column(name = "quantity_after", nullable = false, updatable = false)
    private int quantityAfter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private StockReason reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_type", updatable = false, length = 30)
    private StockReferenceType referenceType;

    @Column(name = "reference_id", updatable = false)
    private Long referenceId;

    @Column(updatable = false, length = 500)
    private String note;

    @Column(updatable = false)
    private String actor;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected StockMovement() {}

    StockMovement(
            long stockItemId,
            int delta,
            int quantityAfter,
            StockReason reason,
            StockReference reference,
            String note,
            String actor,
            String requestId) {
        this.stockItemId = stockItemId;
        this.delta = delta;
        this.quantityAfter = quantityAfter;
        this.reason = reason;
        this.referenceType = reference == null ? null : reference.type();
        this.referenceId = reference == null ? null : reference.id();
        this.note = note;
        this.actor = actor;
        this.requestId = requestId;
        this.occurredAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    /** The quantity before this movement. */
    public int getQuantityBefore() {
        return quantityAfter - delta;
    }

    public int getDelta() {
        return delta;
    }

    public int getQuantityAfter() {
        return quantityAfter;
    }

    public StockReason getReason() {
        return reason;
    }

    public StockReferenceType getReferenceType() {
        return referenceType;
    }

    public Long getReferenceId() {
        return referenceId;
    }

    public String getNote() {
        return note;
    }

    public String getActor() {
        return actor;
    }

    public String getRequestId() {
        return requestId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
