package io.factoryops.production;

import java.time.Instant;
import java.time.LocalDate;

/** A production record as the API shows it, with the names of its employee and product. */
public record ProductionResponse(
        Long id,
        long employeeId,
        String employeeName,
        long productId,
        String productName,
        int quantity,
        LocalDate productionDate,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
