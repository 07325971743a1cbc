package io.factoryops.catalog;

import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockOwner;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product the plant makes and sells. Its stock (quantity, reorder level, whether it is still sold)
 * is its {@link StockItem}, which only the stock ledger ({@code io.factoryops.stock.StockService})
 * changes, one ledger row per movement.
 */
@Entity
@Table(name = "products")
public class Product extends StockOwner {

    /** The highest price the column holds: DECIMAL(12, 2). */
    public static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(length = 100)
    private String category;

    protected Product() {}

    Product(StockItem stock) {
        super(stock);
    }

    /** Everything but the stock, which only the ledger changes. */
    void describe(String sku, String name, String description, BigDecimal price, String category) {
        label(sku, name, description);
        this.price = price;
        this.category = category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCategory() {
        return category;
    }
}
