package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A change to an account by an administrator; absent fields stay as they are. */
public record UserUpdateRequest(
        @Email @Size(max = 255) String email,
        @Size(max = 100) String fullName,
        String role,
        Boolean active,
        @Size(max = 128) String password) {
}
