package io.factoryops.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mechanic on a service ticket, with the labour hours recorded for them there. */
public record AssignmentResponse(
        Long id,
        long ticketId,
        long mechanicId,
        String mechanicName,
        @Schema(multipleOf = 0.01) BigDecimal hours,
        String assignedBy,
        Instant assignedAt) {

    static AssignmentResponse of(Assignment a, String mechanicName) {
        return new AssignmentResponse(
                a.getId(),
                a.getTicket().getId(),
                a.getMechanicId(),
                mechanicName,
                a.getHours(),
                a.getAssignedBy(),
                a.getAssignedAt());
    }
}
