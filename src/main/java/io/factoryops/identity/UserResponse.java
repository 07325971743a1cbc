package io.factoryops.identity;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as the API shows it; never the password hash. */
public record UserResponse(
        Long id,
        String username,
        String email,
        @Schema(nullable = true) String fullName,

        @Schema(enumeration = {"super_admin", "admin", "manager", "user", "mechanic", "customer"})
        String role,

        @Schema(description = "The custom roles it holds beside its built-in role")
        List<String> customRoles,

        @Schema(description = "What it may do: the permissions of its built-in and custom roles")
        List<String> permissions,

        boolean active,
        @Schema(nullable = true) Long employeeId,
        @Schema(nullable = true) Long customerId,
        @Schema(nullable = true) Instant lastLoginAt,

        @Schema(
                description = "The password was generated at the first start (printed once to the log) and "
                        + "should be changed now; changing it clears this")
        boolean passwordChangeRequired,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static UserResponse of(UserAccount u) {
        return new UserResponse(
                u.getId(),
                u.getUsername(),
                u.getEmail(),
                u.getFullName(),
                u.getRole().value(),
                u.customRoleNames(),
                Permission.names(u.permissions()),
                u.isActive(),
                u.getEmployeeId(),
                u.getCustomerId(),
                u.getLastLoginAt(),
                u.isPasswordChangeRequired(),
                u.getVersion(),
                u.getCreatedAt(),
                u.getUpdatedAt());
    }
}
