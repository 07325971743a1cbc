package io.factoryops.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API client: its name, what it may do and how many requests a minute it may make. */
@Schema(
        example = "{\"name\": \"erp-sync\", \"permissions\": [\"orders:read\", \"products:read\"], "
                + "\"rate_limit_per_minute\": 600}")
public record ApiClientRequest(
        @NotBlank
        @Pattern(
                regexp = "^[a-z][a-z0-9_-]{1,39}$",
                message = "must be 2 to 40 lower-case letters, digits, '_' or '-', starting with a letter")
        String name,

        @Schema(description = "Permission names (GET /api/permissions); the caller must hold each one")
        @NotNull
        @Size(min = 1, max = 60)
        List<@NotBlank @Size(max = 60) String> permissions,

        @Schema(description = "Requests a minute its tokens may make (default 600)") @Min(1) @Max(100000)
        Integer rateLimitPerMinute) {}
