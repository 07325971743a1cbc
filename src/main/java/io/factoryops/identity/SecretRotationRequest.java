package io.factoryops.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A secret rotation: how long the previous secret keeps working beside the new one. */
@Schema(example = "{\"overlap_minutes\": 60}")
public record SecretRotationRequest(
        @Schema(description = "Minutes the previous secret still works (default 60; 0: it stops now)")
        @Min(0)
        @Max(10080)
        Integer overlapMinutes) {}
