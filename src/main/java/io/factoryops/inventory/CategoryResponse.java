package io.factoryops.inventory;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as the API shows it, with its place in the tree. */
public record CategoryResponse(
        Long id,
        String name,

        @Schema(nullable = true, description = "The parent category; absent for a root")
        Long parentId,

        @Schema(
                description = "The names from the root down to this category, joined with ' / '",
                example = "Hydraulics / Seals")
        String path,

        @Schema(description = "1 for a root, at most 10", minimum = "1", maximum = "10")
        int depth,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static CategoryResponse of(Category c) {
        return new CategoryResponse(
                c.getId(),
                c.getName(),
                c.getParentId(),
                c.getPath(),
                c.getDepth(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
