package io.factoryops.identity;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A custom role as the API shows it. */
public record CustomRoleResponse(
        Long id,
        String name,
        @Schema(nullable = true) String description,

        @Schema(description = "Its permissions, in the order of GET /api/permissions")
        List<String> permissions,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static CustomRoleResponse of(CustomRole role) {
        return new CustomRoleResponse(
                role.getId(),
                role.getName(),
                role.getDescription(),
                Permission.names(role.permissions()),
                role.getVersion(),
                role.getCreatedAt(),
                role.getUpdatedAt());
    }
}
