package io.factoryops.identity;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API client as the API shows it; never its secret (shown once, by {@link ApiClientSecret}). */
public record ApiClientResponse(
        Long id,

        @Schema(description = "The public half of its credentials")
        String clientId,

        String name,

        @Schema(description = "The service account it acts through (audit rows name it)")
        String username,

        List<String> permissions,
        int rateLimitPerMinute,
        boolean active,

        @Schema(nullable = true, description = "When it last got an access token")
        Instant lastUsedAt,

        @Schema(nullable = true, description = "Until when the previous secret still works, after a rotation")
        Instant previousSecretValidUntil,

        @Schema(nullable = true) String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static String username(String name) {
        return "client:" + name;
    }

    static ApiClientResponse of(ApiClient c) {
        return new ApiClientResponse(
                c.getId(),
                c.getClientId(),
                c.getName(),
                username(c.getName()),
                Permission.names(c.permissions()),
                c.getRateLimitPerMinute(),
                c.isActive(),
                c.getLastUsedAt(),
                c.previousSecretValidUntil(Instant.now()),
                c.getCreatedBy(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
