package io.factoryops.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a product's bill of materials: how many units of a part one unit of the product takes. */
@Entity
@Table(name = "bom_lines")
public class BomLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false, updatable = false)
    private long productId;

    @Column(name = "part_id", nullable = false, updatable = false)
    private long partId;

    @Column(nullable = false, updatable = false)
    private int quantity;

    protected BomLine() {}

    BomLine(long productId, long partId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        this.productId = productId;
        this.partId = partId;
        this.quantity = quantity;
    }

    public long getProductId() {
        return productId;
    }

    public long getPartId() {
        return partId;
    }

    public int getQuantity() {
        return quantity;
    }
}
