package io.factoryops.maintenance;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mechanic as the API shows it: its id (what tickets and assignments use), its employee and account. */
public record MechanicResponse(
        Long id,
        long employeeId,
        long userId,
        String name,
        String email,
        String username,
        @Schema(nullable = true) String position,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static MechanicResponse of(Mechanic m) {
        return new MechanicResponse(
                m.getId(),
                m.getEmployeeId(),
                m.getUserId(),
                m.getName(),
                m.getEmail(),
                m.getUsername(),
                m.getPosition(),
                m.isActive(),
                m.getVersion(),
                m.getCreatedAt(),
                m.getUpdatedAt());
    }
}
