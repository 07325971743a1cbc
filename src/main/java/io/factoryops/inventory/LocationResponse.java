package io.factoryops.inventory;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A location as the API shows it, with its place in the tree. */
public record LocationResponse(
        Long id,
        String code,
        String name,

        @Schema(nullable = true, description = "The parent location; absent for a root")
        Long parentId,

        @Schema(
                description = "The codes from the root down to this location, joined with ' / '",
                example = "WH1 / WH1-A / WH1-A-03")
        String path,

        @Schema(description = "1 for a root, at most 10", minimum = "1", maximum = "10")
        int depth,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static LocationResponse of(Location l) {
        return new LocationResponse(
                l.getId(),
                l.getCode(),
                l.getName(),
                l.getParentId(),
                l.getPath(),
                l.getDepth(),
                l.getVersion(),
                l.getCreatedAt(),
                l.getUpdatedAt());
    }
}
