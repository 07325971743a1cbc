package io.factoryops.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One part on a purchase order: how many, at what unit cost, and how many have been received. */
@Entity
@Table(name = "purchase_order_lines")
public class PurchaseOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "purchase_order_id", nullable = false, updatable = false)
    private PurchaseOrder purchaseOrder;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "part_id", nullable = false)
    private long partId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_cost", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "line_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal lineTotal;

    @Column(name = "received_quantity", nullable = false)
    private int receivedQuantity;

    protected PurchaseOrderLine() {}

    PurchaseOrderLine(PurchaseOrder purchaseOrder, int lineNo, long partId, int quantity, BigDecimal unitCost) {
        this.purchaseOrder = purchaseOrder;
        this.lineNo = lineNo;
        this.partId = partId;
        this.quantity = quantity;
        this.unitCost = unitCost.setScale(2, RoundingMode.HALF_UP);
        this.lineTotal = this.unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    /** What is still to come. */
    public int outstanding() {
        return quantity - receivedQuantity;
    }

    void receive(int units) {
        if (units <= 0 || units > outstanding()) {
            throw new IllegalArgumentException("cannot receive " + units + " of " + outstanding() + " outstanding");
        }
        receivedQuantity += units;
    }

    public Long getId() {
        return id;
    }

    public int getLineNo() {
        return lineNo;
    }

    public long getPartId() {
        return partId;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }

    public int getReceivedQuantity() {
        return receivedQuantity;
    }
}
