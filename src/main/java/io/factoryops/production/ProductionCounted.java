package io.factoryops.production;

import java.time.LocalDate;

/**
 * Fired (synchronously, inside the transaction) when production starts or stops counting: +1 for a
 * new or corrected record's values, -1 for a deleted or corrected record's old values.
 */
public record ProductionCounted(
        long recordId, long employeeId, long productId, LocalDate productionDate, int quantity, int sign) {

    static ProductionCounted of(ProductionRecord r, int sign) {
        return new ProductionCounted(
                r.getId(), r.getEmployeeId(), r.getProductId(), r.getProductionDate(), r.getQuantity(), sign);
    }
}
