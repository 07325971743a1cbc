package io.factoryops.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A category as POST and PUT take it: its name (unique among its siblings, ignoring case; no '/', which
 * separates the names of a path) and its parent (absent or null: a root). PUT may rename and move it.
 */
@Schema(example = "{\"name\": \"Seals\", \"parent_id\": 1}")
public record CategoryRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = "^[^/]*$", message = "must not contain '/'")
        String name,

        @Schema(nullable = true, description = "The parent; absent or null for a root") @Positive
        Long parentId)
        implements TreeService.Request {}
