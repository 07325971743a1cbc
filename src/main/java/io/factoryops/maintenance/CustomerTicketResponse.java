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
        return of(ServiceTicketResponse.of(t, mechanicNames, parts));
    }

    /** The customer's view of the staff's: the same ticket and totals, less what is internal. */
    static CustomerTicketResponse of(ServiceTicketResponse t) {
        return new CustomerTicketResponse(
                t.id(),
                t.vin(),
                t.serial(),
                t.make(),
                t.model(),
                t.year(),
                t.description(),
                t.priority(),
                t.serviceDate(),
                t.status(),
                t.mechanics().stream().map(AssignmentResponse::mechanicName).toList(),
                t.parts().stream()
                        .filter(p -> p.returnedAt() == null)
                        .map(p -> new Part(p.name(), p.quantity(), p.lineTotal()))
                        .toList(),
                t.partsTotal(),
                t.labourHours(),
                t.labourRate(),
                t.labourTotal(),
                t.subtotal(),
                t.taxRate(),
                t.tax(),
                t.total(),
                t.startedAt(),
                t.completedAt(),
                t.cancelledAt(),
                t.version(),
                t.createdAt(),
                t.updatedAt());
    }
}
