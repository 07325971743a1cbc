package io.factoryops.maintenance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mechanic to put on a service ticket. */
@Schema(example = "{\"ticket_id\": 1, \"mechanic_id\": 1}")
public record AssignmentRequest(
        @NotNull @Positive Long ticketId, @NotNull @Positive Long mechanicId) {}
