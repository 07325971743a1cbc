package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A custom role as POST and PUT describe it: every field (PUT replaces them all). */
@Schema(
        example = "{\"name\": \"warehouse-clerk\", \"description\": \"Books goods in and out\", "
                + "\"permissions\": [\"inventory:read\", \"stock:adjust\"]}")
public record CustomRoleRequest(
        @NotBlank
        @Pattern(
                regexp = "^[a-z][a-z0-9_-]{1,39}$",
                message = "must be 2 to 40 lower-case letters, digits, '_' or '-', starting with a letter")
        String name,

        @Size(max = 500) String description,

        @Schema(description = "Permission names (GET /api/permissions); the caller must hold each one")
        @NotNull
        @Size(min = 1, max = 60)
        List<@NotBlank @Size(max = 60) String> permissions) {}
