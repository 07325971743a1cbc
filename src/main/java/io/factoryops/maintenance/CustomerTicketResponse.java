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
 * A service ticket as its customer sees it: the asset, the work, who works it (by display name), the parts
 * fitted (name, quantity, what the line costs the customer) and the totals. Left out, as internal: staff login
 * names (created by, fitted by, assigned by), mechanic and stock-item ids, SKUs, each mechanic's hours, unit
 * costs, and lines returned to stock (not charged). The totals are those of the staff view, and the lines shown
 * add up to {@code parts_total}.
 */
public record CustomerTicketResponse(
        Long id,
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

        @Schema(description = "The display names of the mechanics on the ticket")
        List<String> mechanics,

        List<Part> parts,
        @Schema(multipleOf = 0.01) BigDecimal partsTotal,
        @Schema(multipleOf = 0.01) BigDecimal labourHours,
        @Schema(multipleOf = 0.01) BigDecimal labourRate,
        @Schema(multipleOf = 0.01) BigDecimal labourTotal,
        @Schema(multipleOf = 0.01) BigDecimal subtotal,
        @Schema(multipleOf = 0.0001) BigDecimal taxRate,
        @Schema(multipleOf = 0.01) BigDecimal tax,
        @Schema(multipleOf = 0.01) BigDecimal total,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant completedAt,
        @Schema(nullable = true) Instant cancelledAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    /** A part fitted on the ticket: its name, how many, and the amount charged for the line (before tax). */
    @Schema(name = "CustomerTicketPart")
    public record Part(
            String name,
            int quantity,
            @Schema(multipleOf = 0.01) BigDecimal amount) {}

    static CustomerTicketResponse of(ServiceTicket t, Map<Long, String> mechanicNames, Map<Long, PartSummary> parts) {
        List<String> mechanics = t.getAssignments().stream()
                .map(a -> mechanicNames.get(a.getMechanicId()))
                .toList();
        List<Part> lines = t.getParts().stream()
                .filter(TicketPart::fitted)
                .map(l -> new Part(parts.get(l.getPartId()).name(), l.getQuantity(), l.getLineTotal()))
                .toList();
        return new CustomerTicketResponse(
                t.getId(),
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
                t.getStartedAt(),
                t.getCompletedAt(),
                t.getCancelledAt(),
                t.getVersion(),
                t.getCreatedAt(),
                t.getUpdatedAt());
    }
}
