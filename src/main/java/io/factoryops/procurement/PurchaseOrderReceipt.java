package io.factoryops.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery received against a purchase order: the document the ledger rows of its parts refer to
 * (reference PURCHASE_ORDER_RECEIPT), so that each receipt's parts can be told apart.
 */
@Entity
@Table(name = "purchase_order_receipts")
public class PurchaseOrderReceipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "purchase_order_id", nullable = false, updatable = false)
    private long purchaseOrderId;

    @Column(name = "received_by", nullable = false, updatable = false, length = 50)
    private String receivedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected PurchaseOrderReceipt() {}

    PurchaseOrderReceipt(long purchaseOrderId, String receivedBy) {
        this.purchaseOrderId = purchaseOrderId;
        this.receivedBy = receivedBy;
        this.receivedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }
}
