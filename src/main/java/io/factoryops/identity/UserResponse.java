package io.factoryops.identity;

import java.time.Instant;

/** An account as the API shows it; never the password hash. */
public record UserResponse(
        Long id,
        String username,
        String email,
        String fullName,
        String role,
        boolean active,
        Long employeeId,
        Long customerId,
        Instant lastLoginAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static UserResponse of(UserAccount u) {
        return new UserResponse(u.getId(), u.getUsername(), u.getEmail(), u.getFullName(), u.getRole().value(),
                u.isActive(), u.getEmployeeId(), u.getCustomerId(), u.getLastLoginAt(), u.getVersion(),
                u.getCreatedAt(), u.getUpdatedAt());
    }
}
