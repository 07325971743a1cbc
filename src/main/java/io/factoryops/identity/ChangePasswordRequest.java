package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"current_password","new_password"}}. */
@Schema(example = "{\"current_password\": \"Old-Passw0rd-2026\", \"new_password\": \"New-Passw0rd-2026x\"}")
public record ChangePasswordRequest(
        @NotBlank @Size(max = 128) String currentPassword,
        @NotBlank @Size(max = 128) String newPassword) {}
