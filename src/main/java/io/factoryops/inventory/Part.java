package io.factoryops.inventory;

import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockOwner;
import io.factoryops.stock.StockStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A part or raw material the plant buys, keeps and consumes. Its quantity, reorder level and activity
 * are its {@link StockItem}, moved only through the stock ledger; category, location and preferred
 * supplier are references checked by {@link PartService} and kept by foreign keys.
 */
@Entity
@Table(name = "parts")
public class Part extends StockOwner {

    /** The highest unit cost the column holds: DECIMAL(12, 2). */
    public static final BigDecimal MAX_UNIT_COST = new BigDecimal("9999999999.99");

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "location_id")
    private Long locationId;

    @Column(nullable = false, length = 16)
    private String unit;

    @Column(name = "unit_cost", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "reorder_quantity", nullable = false)
    private int reorderQuantity;

    @Column(name = "preferred_supplier_id")
    private Long preferredSupplierId;

    /**
     * A copy of the stock item's status, for the list's filters (one index with the category or location:
     * ix_parts_status_category, ix_parts_status_location); kept in step by {@link PartService} when
     * the ledger changes it, in the same transaction, never through this entity.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "stock_status", nullable = false, length = 12)
    private StockStatus stockStatus;

    protected Part() {}

    Part(StockItem stock) {
        super(stock);
        this.stockStatus = stock.getStatus();
    }

    /** Everything but the stock, which only the ledger changes. */
    void describe(
            String sku,
            String name,
            String description,
            Long categoryId,
            Long locationId,
            String unit,
            BigDecimal unitCost,
            int reorderQuantity,
            Long preferredSupplierId) {
        label(sku, name, description);
        this.categoryId = categoryId;
        this.locationId = locationId;
        this.unit = unit;
        this.unitCost = unitCost;
        this.reorderQuantity = reorderQuantity;
        this.preferredSupplierId = preferredSupplierId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public Long getLocationId() {
        return locationId;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public int getReorderQuantity() {
        return reorderQuantity;
    }

    public Long getPreferredSupplierId() {
        return preferredSupplierId;
    }
}
