package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to an account by an administrator; absent fields stay as they are. */
@Schema(example = "{\"role\": \"user\", \"active\": true}")
public record UserUpdateRequest(
        @Email @Size(max = 255) String email,
        @Size(max = 100) String fullName,

        @Schema(enumeration = {"super_admin", "admin", "manager", "user", "mechanic", "customer"})
        String role,

        Boolean active,
        @Size(max = 128) String password) {}
