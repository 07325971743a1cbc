package io.factoryops.maintenance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mechanics to add to and remove from a ticket (mechanic ids), as in the seed; each at most 20. */
@Schema(example = "{\"add_mechanic_ids\": [1, 2], \"remove_mechanic_ids\": [3]}")
public record MechanicsEditRequest(
        @Size(max = 20) List<@NotNull @Positive Long> addMechanicIds,
        @Size(max = 20) List<@NotNull @Positive Long> removeMechanicIds) {}
