package io.factoryops.catalog;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product the plant makes and sells. Its stock quantity is set at creation; afterwards it changes
 * only through {@link StockService}, one ledger row per change.
 */
@Entity
@Table(name = "products")
public class Product extends VersionedEntity {

    /** The highest price the column holds: DECIMAL(12, 2). */
    public static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "stock_quantity", nullable = false)
    private int stockQuantity;

    @Column(name = "reorder_level", nullable = false)
    private int reorderLevel;

    @Column(length = 100)
    private String category;

    protected Product() {
    }

    Product(String sku, int initialStock) {
        this.sku = sku;
        this.stockQuantity = initialStock;
    }

    /** Everything but the stock, which only the ledger changes. */
    void describe(String sku, String name, String description, BigDecimal price, int reorderLevel, String category) {
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.price = price;
        this.reorderLevel = reorderLevel;
        this.category = category;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStockQuantity() {
        return stockQuantity;
    }

    public int getReorderLevel() {
        return reorderLevel;
    }

    public String getCategory() {
        return category;
    }
}
