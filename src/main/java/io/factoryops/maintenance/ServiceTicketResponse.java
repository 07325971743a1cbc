package io.factoryops.maintenance;

import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.http.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A service ticket as the API shows it: the asset, its mechanics with their hours, the parts fitted at their
 * cost then, the totals (parts + labour at the ticket's labour rate, tax as for orders) and the transitions
 * its status allows.
 */
public record ServiceTicketResponse(
        Long id,
        long customerId,
        @Schema(nullable = true) String vin,
        @Schema(nullable = true) String serial,
        @Schema(nullable = true) String make,
        @Schema(nullable = true) String model,
        @Schema(nullable = true) Integer year,
        String description,

        @Schema(enumeration = {"low", "normal", "high", "urgent"})
        String priority,

        LocalDate serviceDate,

        @Schema(enumeration = {"open", "in_progress", "completed", "cancelled"})
        String status,

        List<AssignmentResponse> mechanics,
        List<Part> parts,
        @Schema(multipleOf = 0.01) BigDecimal partsTotal,
        @Schema(multipleOf = 0.01) BigDecimal labourHours,
        @Schema(multipleOf = 0.01) BigDecimal labourRate,
        @Schema(multipleOf = 0.01) BigDecimal labourTotal,
        @Schema(multipleOf = 0.01) BigDecimal subtotal,
        @Schema(multipleOf = 0.0001) BigDecimal taxRate,
        @Schema(multipleOf = 0.01) BigDecimal tax,
        @Schema(multipleOf = 0.01) BigDecimal total,
        String createdBy,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(nullable = true) Instant cancelledAt,

        @Schema(description = "The transitions the status allows now: start, complete, cancel")
        List<String> allowedTransitions,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    /** A part line: fitted, or returned to stock (then left out of the totals). */
    public record Part(
            long id,
            int lineNo,
            long itemId,
            String sku,
            String name,
            int quantity,
            @Schema(multipleOf = 0.01) BigDecimal unitCost,
            @Schema(multipleOf = 0.01) BigDecimal lineTotal,
            @Schema(enumeration = {"fitted", "returned"}) String status,
            String fittedBy,
            Instant fittedAt,
            @Schema(nullable = true) Instant returnedAt) {}

    static ServiceTicketResponse of(ServiceTicket t, Map<Long, String> mechanicNames, Map<Long, PartSummary> parts) {
        List<AssignmentResponse> mechanics = t.getAssignments().stream()
                .map(a -> AssignmentResponse.of(a, mechanicNames.get(a.getMechanicId())))
                .toList();
        List<Part> lines = t.getParts().stream()
                .map(l -> new Part(
                        l.getId(),
                        l.getLineNo(),
                        l.getPartId(),
                        parts.get(l.getPartId()).sku(),
                        parts.get(l.getPartId()).name(),
                        l.getQuantity(),
                        l.getUnitCost(),
                        l.getLineTotal(),
                        l.getReturnedAt() == null ? "fitted" : "returned",
                        l.getFittedBy(),
                        l.getFittedAt(),
                        l.getReturnedAt()))
                .toList();
        return new ServiceTicketResponse(
                t.getId(),
                t.getCustomerId(),
                t.getVin(),
                t.getSerial(),
                t.getMake(),
                t.getModel(),
                t.getYear(),
                t.getDescription(),
                t.getPriority().value(),
                t.getServiceDate(),
                t.getStatus().value(),
                mechanics,
                lines,
                t.partsTotal(),
                t.labourHours(),
                t.getLabourRate(),
                t.labourTotal(),
                t.subtotal(),
                t.getTaxRate(),
                t.tax(),
                t.total(),
                t.getCreatedBy(),
                t.getStartedAt(),
                t.getCompletedAt(),
                t.getCancelledAt(),
                t.getStatus().allowedTransitions(),
                t.getVersion(),
                t.getCreatedAt(),
                t.getUpdatedAt());
    }
}
