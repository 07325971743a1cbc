package io.factoryops.production;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Units of a product that an employee made on a day; they entered stock through the ledger. */
@Entity
@Table(name = "production_records")
public class ProductionRecord extends VersionedEntity {

    @Column(name = "employee_id", nullable = false)
    private long employeeId;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "production_date", nullable = false)
    private LocalDate productionDate;

    @Column(name = "created_by", nullable = false, updatable = false, length = 50)
    private String createdBy;

    protected ProductionRecord() {}

    ProductionRecord(String createdBy) {
        this.createdBy = createdBy;
    }

    void describe(long employeeId, long productId, int quantity, LocalDate productionDate) {
        this.employeeId = employeeId;
        this.productId = productId;
        this.quantity = quantity;
        this.productionDate = productionDate;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }

    public LocalDate getProductionDate() {
        return productionDate;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
