package io.factoryops.catalog;

import io.factoryops.platform.db.VersionedEntity;
import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockOwner;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product the plant makes and sells. Its stock (quantity, reorder level, whether it is still sold)
 * is its {@link StockItem}, which only the stock ledger ({@code io.factoryops.stock.StockService})
 * changes, one ledger row per movement.
 */
@Entity
@Table(name = "products")
public class Product extends VersionedEntity implements StockOwner {

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

    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "stock_item_id", nullable = false, updatable = false)
    private StockItem stock;

    @Column(length = 100)
    private String category;

    protected Product() {}

    Product(StockItem stock) {
        this.stock = stock;
    }

    /** Everything but the stock, which only the ledger changes. */
    void describe(String sku, String name, String description, BigDecimal price, String category) {
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.price = price;
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

    public StockItem getStock() {
        return stock;
    }

    /** The version the API shows: the product's changes and its stock movements. */
    public long representationVersion() {
        return stock.versionWith(getVersion());
    }

    public String getCategory() {
        return category;
    }
}
