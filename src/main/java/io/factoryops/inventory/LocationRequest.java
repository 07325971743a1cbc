package io.factoryops.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A location as POST and PUT take it: its code (unique across all locations, ignoring case; stored in
 * upper case), its name and its parent (absent or null: a root, e.g. a warehouse). PUT may move it.
 */
@Schema(example = "{\"code\": \"WH1-A-03\", \"name\": \"Aisle A, bin 3\", \"parent_id\": 2}")
public record LocationRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "letters, digits, '.', '_' or '-', starting with a letter or digit")
        String code,

        @NotBlank @Size(max = 100) String name,

        @Schema(nullable = true, description = "The parent; absent or null for a root") @Positive
        Long parentId)
        implements TreeService.Request {}
