package io.factoryops.stock;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToOne;

/**
 * What owns a stock item (a product, a part): a unique SKU, a name, a description, and the item, which
 * only the stock ledger changes. The owner's own fields are its subclass's.
 */
@MappedSuperclass
public abstract class StockOwner extends VersionedEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "stock_item_id", nullable = false, updatable = false)
    private StockItem stock;

    protected StockOwner() {}

    protected StockOwner(StockItem stock) {
        this.stock = stock;
    }

    /** The owner's label and description (its stock item's label follows through the ledger). */
    protected void label(String sku, String name, String description) {
        this.sku = sku;
        this.name = name;
        this.description = description;
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

    public StockItem getStock() {
        return stock;
    }

    /** The version the API shows: the owner's changes and its stock movements. */
    public long representationVersion() {
        return stock.versionWith(getVersion());
    }
}
