package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to an account by an administrator; absent fields stay as they are. */
@Schema(example = "{\"role\": \"user\", \"active\": true}")
public record UserUpdateRequest(
        @Email @Size(max = 255) String email,
        @Size(max = 100) String fullName,

        @Schema(enumeration = {"super_admin", "admin", "manager", "user", "mechanic", "customer"})
        String role,

        @Schema(
                description = "Replaces the custom roles it holds (names, GET /api/custom-roles); the caller must hold "
                        + "every permission of each role it gives or takes. Customer accounts hold none.")
        @Size(max = 20)
        List<@NotBlank @Size(max = 40) String> customRoles,

        Boolean active,
        @Size(max = 128) String password) {}
